package ${{ values.javaPackage }};

/** Entry point of ${{ values.name }}. */
public final class App {
  private App() {
  }

  /** Starts ${{ values.name }}. */
  public static void main(String[] args) {
    System.out.println("${{ values.name }} is running");
  }
}
