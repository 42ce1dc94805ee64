package ${{ values.javaPackage }};

/** Entry point of ${{ values.name }}. */
public final class App {
  private App() {
  }

  /** {@return the line printed on start-up} */
  static String greeting() {
    return "${{ values.name }} is running";
  }

  /** Starts ${{ values.name }}. */
  public static void main(String[] args) {
    System.out.println(greeting());
  }
}
