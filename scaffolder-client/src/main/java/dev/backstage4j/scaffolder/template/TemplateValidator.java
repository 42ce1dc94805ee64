package dev.backstage4j.scaffolder.template;

import dev.backstage4j.core.internal.Trees;
import dev.backstage4j.scaffolder.Action;
import dev.backstage4j.scaffolder.ScaffolderClient;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a template before anything is sent: the entity shape (apiVersion, kind, name, type, parameters, steps),
 * unique step ids, that every {@code ${{ parameters.x }}} names a declared parameter and every
 * {@code ${{ steps.id.output.y }}} an earlier step, and, when the server's actions are known, that every action
 * exists and every step input satisfies the action's input schema (required properties, basic types, unknown
 * properties). Each problem names the step and the field. Instances are immutable and thread-safe.
 */
public final class TemplateValidator {
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{(.*?)}}", Pattern.DOTALL);
  private static final Pattern WHOLE_EXPRESSION = Pattern.compile("^\\s*\\$\\{\\{(.*?)}}\\s*$", Pattern.DOTALL);
  private static final Pattern PARAM_DOT = Pattern.compile("(?<![\\w$.])parameters\\.([A-Za-z_$][\\w$]*)");
  private static final Pattern PARAM_INDEX = Pattern.compile("(?<![\\w$.])parameters\\[\\s*['\"]([^'\"]+)['\"]\\s*]");
  private static final Pattern STEP_DOT = Pattern.compile("(?<![\\w$.])steps\\.([A-Za-z_$][\\w$]*)");
  private static final Pattern STEP_INDEX = Pattern.compile("(?<![\\w$.])steps\\[\\s*['\"]([^'\"]+)['\"]\\s*]");
  private static final Set<String> TYPES = Set.of("string", "number", "integer", "boolean", "array", "object",
      "null");

  private final Map<String, Action> actions;

  private TemplateValidator(Map<String, Action> actions) {
    this.actions = actions;
  }

  /** {@return a validator that checks the template alone (no action checks)} */
  public static TemplateValidator offline() {
    return new TemplateValidator(null);
  }

  /**
   * {@return a validator that also checks steps against these actions}
   *
   * @param actions the actions steps may use, e.g. {@code client.actions().list()}
   */
  public static TemplateValidator withActions(Collection<Action> actions) {
    Map<String, Action> byId = new LinkedHashMap<>();
    actions.forEach(a -> byId.put(a.id(), a));
    return new TemplateValidator(Map.copyOf(byId));
  }

  /**
   * {@return a validator that checks steps against the actions installed on the server ({@code listActions})}
   *
   * @param client the client whose server's actions are read, once, now
   */
  public static TemplateValidator forServer(ScaffolderClient client) {
    return withActions(client.actions().list());
  }

  /**
   * {@return the problems of a template written in Java (empty when it is valid)}
   *
   * @param template the template to check
   */
  public List<TemplateProblem> validate(TemplateDefinition template) {
    return validate(template.toMap());
  }

  /**
   * Throws {@link TemplateValidationException} listing every problem of the template, if any.
   *
   * @param template the template to check
   */
  public void check(TemplateDefinition template) {
    check(template.toMap());
  }

  /**
   * Throws {@link TemplateValidationException} listing every problem of a template entity tree, if any.
   *
   * @param entity the Template entity as a JSON-like tree
   */
  public void check(Map<String, ?> entity) {
    List<TemplateProblem> problems = validate(entity);
    if (!problems.isEmpty()) {
      Object name = asMap(entity.get("metadata")).get("name");
      throw new TemplateValidationException(name == null ? "(unnamed)" : name.toString(), problems);
    }
  }

  /**
   * {@return the problems of a template entity tree, e.g. parsed from {@code template.yaml} (empty when valid)}
   *
   * @param entity the Template entity as a JSON-like tree
   */
  public List<TemplateProblem> validate(Map<String, ?> entity) {
    List<TemplateProblem> problems = new ArrayList<>();
    if (!"scaffolder.backstage.io/v1beta3".equals(entity.get("apiVersion"))) {
      problems.add(new TemplateProblem("apiVersion", "must be scaffolder.backstage.io/v1beta3 (the only version "
          + "the scaffolder runs), was " + entity.get("apiVersion")));
    }
    if (!"Template".equals(entity.get("kind"))) {
      problems.add(new TemplateProblem("kind", "must be Template, was " + entity.get("kind")));
    }
    Object name = asMap(entity.get("metadata")).get("name");
    if (!(name instanceof String) || ((String) name).isBlank()) {
      problems.add(new TemplateProblem("metadata.name", "is required"));
    }
    if (!(entity.get("spec") instanceof Map)) {
      problems.add(new TemplateProblem("spec", "is required and must be an object"));
      return problems;
    }
    Map<String, Object> spec = asMap(entity.get("spec"));
    if (!(spec.get("type") instanceof String) || ((String) spec.get("type")).isBlank()) {
      problems.add(new TemplateProblem("spec.type", "is required and must be a string"));
    }
    if (spec.containsKey("owner") && !(spec.get("owner") instanceof String)) {
      problems.add(new TemplateProblem("spec.owner", "must be an entity ref string"));
    }
    Set<String> parameters = parameters(spec.get("parameters"), problems);
    List<String> stepIds = steps(spec.get("steps"), parameters, problems);
    if (spec.containsKey("output")) {
      if (!(spec.get("output") instanceof Map)) {
        problems.add(new TemplateProblem("spec.output", "must be an object"));
      } else {
        references(spec.get("output"), "spec.output", parameters, stepIds, Set.copyOf(stepIds), problems);
      }
    }
    return List.copyOf(problems);
  }

  private static Set<String> parameters(Object raw, List<TemplateProblem> problems) {
    Set<String> declared = new HashSet<>();
    if (raw == null) {
      return declared;
    }
    List<Object> pages = raw instanceof List ? castList(raw) : List.of(raw);
    for (int i = 0; i < pages.size(); i++) {
      String where = raw instanceof List ? "spec.parameters[" + i + "]" : "spec.parameters";
      if (!(pages.get(i) instanceof Map)) {
        problems.add(new TemplateProblem(where, "must be a JSON Schema object"));
        continue;
      }
      Map<String, Object> page = asMap(pages.get(i));
      Object title = page.get("title");
      String label = where + (title == null ? "" : " (" + title + ")");
      collect(page, label, declared, problems);
      Object required = page.get("required");
      if (required != null && !(required instanceof List)) {
        problems.add(new TemplateProblem(label + ".required", "must be a list of property names"));
      } else if (required != null) {
        Set<String> own = new HashSet<>();
        collect(page, label, own, new ArrayList<>());
        for (Object r : castList(required)) {
          if (!own.contains(String.valueOf(r))) {
            problems.add(new TemplateProblem(label + ".required", "names '" + r + "', which is not a property of "
                + "this page"));
          }
        }
      }
    }
    return declared;
  }

  /** Collects property names of a schema, including those in dependencies and allOf/anyOf/oneOf/then/else. */
  private static void collect(Map<String, Object> schema, String where, Set<String> names,
      List<TemplateProblem> problems) {
    Object props = schema.get("properties");
    if (props != null && !(props instanceof Map)) {
      problems.add(new TemplateProblem(where + ".properties", "must be an object"));
    }
    asMap(props).forEach((name, def) -> {
      names.add(name);
      Object type = asMap(def).get("type");
      for (Object t : type instanceof List ? castList(type) : type == null ? List.of() : List.of(type)) {
        if (!TYPES.contains(String.valueOf(t))) {
          problems.add(new TemplateProblem(where + ".properties." + name + ".type", "'" + t + "' is not a JSON "
              + "Schema type (string, number, integer, boolean, array, object, null)"));
        }
      }
    });
    for (String key : List.of("allOf", "anyOf", "oneOf")) {
      for (Object sub : castList(schema.get(key))) {
        collect(asMap(sub), where + "." + key, names, problems);
      }
    }
    for (String key : List.of("then", "else")) {
      if (schema.get(key) instanceof Map) {
        collect(asMap(schema.get(key)), where + "." + key, names, problems);
      }
    }
    asMap(schema.get("dependencies")).forEach((k, dep) -> {
      if (dep instanceof Map) {
        collect(asMap(dep), where + ".dependencies." + k, names, problems);
      }
    });
  }

  private List<String> steps(Object raw, Set<String> parameters, List<TemplateProblem> problems) {
    List<String> ids = new ArrayList<>();
    if (!(raw instanceof List) || castList(raw).isEmpty()) {
      problems.add(new TemplateProblem("spec.steps", "is required and must be a non-empty list"));
      return ids;
    }
    List<Object> steps = castList(raw);
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      Map<String, Object> step = asMap(steps.get(i));
      Object id = step.get("id");
      String stepId = id == null ? "step-" + (i + 1) : String.valueOf(id);
      String where = "spec.steps[" + i + "] (" + stepId + ")";
      if (!(steps.get(i) instanceof Map)) {
        problems.add(new TemplateProblem("spec.steps[" + i + "]", "must be an object"));
        ids.add(stepId);
        continue;
      }
      Integer first = seen.putIfAbsent(stepId, i);
      if (first != null) {
        problems.add(new TemplateProblem(where + ".id", "duplicates the id of spec.steps[" + first + "]"));
      }
      Object action = step.get("action");
      if (!(action instanceof String) || ((String) action).isBlank()) {
        problems.add(new TemplateProblem(where + ".action", "is required"));
      } else if (actions != null) {
        checkAction(where, (String) action, step.get("input"), problems);
      }
      if (step.containsKey("input") && !(step.get("input") instanceof Map)) {
        problems.add(new TemplateProblem(where + ".input", "must be an object"));
      }
      Set<String> later = new HashSet<>();
      for (int j = i; j < steps.size(); j++) {
        Object laterId = asMap(steps.get(j)).get("id");
        later.add(laterId == null ? "step-" + (j + 1) : String.valueOf(laterId));
      }
      for (String key : List.of("input", "if", "each")) {
        if (step.containsKey(key)) {
          references(step.get(key), where + "." + key, parameters, ids, later, problems);
        }
      }
      ids.add(stepId);
    }
    return ids;
  }

  private void checkAction(String where, String actionId, Object rawInput, List<TemplateProblem> problems) {
    Action action = actions.get(actionId);
    if (action == null) {
      problems.add(new TemplateProblem(where + ".action", "'" + actionId + "' is not installed on the server ("
          + actions.size() + " actions known)"));
      return;
    }
    Map<String, Object> schema = action.inputSchema();
    if (schema.isEmpty()) {
      return;
    }
    Map<String, Object> input = asMap(rawInput);
    for (Object req : castList(schema.get("required"))) {
      if (!input.containsKey(String.valueOf(req))) {
        problems.add(new TemplateProblem(where + ".input." + req, "is required by action " + actionId));
      }
    }
    Map<String, Object> props = asMap(schema.get("properties"));
    boolean closed = Boolean.FALSE.equals(schema.get("additionalProperties"));
    input.forEach((key, value) -> {
      if (!props.containsKey(key)) {
        if (closed) {
          problems.add(new TemplateProblem(where + ".input." + key, "is not an input of action " + actionId
              + " (inputs: " + String.join(", ", props.keySet()) + ")"));
        }
        return;
      }
      String problem = typeProblem(asMap(props.get(key)).get("type"), value);
      if (problem != null) {
        problems.add(new TemplateProblem(where + ".input." + key, problem + " (action " + actionId + ")"));
      }
    });
  }

  /** {@return why {@code value} does not fit the JSON Schema {@code type}, or null when it fits or cannot be known} */
  private static String typeProblem(Object type, Object value) {
    if (type == null || value instanceof String && WHOLE_EXPRESSION.matcher((String) value).matches()) {
      return null; // a value that is one expression takes the expression's type at run time
    }
    List<Object> types = type instanceof List ? castList(type) : List.of(type);
    for (Object t : types) {
      if (fits(String.valueOf(t), value)) {
        return null;
      }
    }
    return "must be " + (types.size() == 1 ? types.get(0) : "one of " + types) + ", was " + describe(value);
  }

  private static boolean fits(String type, Object value) {
    switch (type) {
      case "string":
        return value instanceof String;
      case "number":
        return value instanceof Number;
      case "integer":
        return value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger
            || value instanceof Number && ((Number) value).doubleValue() == Math.rint(((Number) value).doubleValue());
      case "boolean":
        return value instanceof Boolean;
      case "array":
        return value instanceof List;
      case "object":
        return value instanceof Map;
      case "null":
        return value == null;
      default:
        return true;
    }
  }

  private static String describe(Object value) {
    String type = Trees.typeName(value);
    return value == null ? type : (type.startsWith("a") || type.startsWith("o") ? "an " : "a ") + type;
  }


  private static void references(Object value, String where, Set<String> parameters, List<String> earlier,
      Set<String> later, List<TemplateProblem> problems) {
    if (value instanceof Map) {
      asMap(value).forEach((k, v) -> references(v, where + "." + k, parameters, earlier, later, problems));
    } else if (value instanceof List) {
      List<Object> list = castList(value);
      for (int i = 0; i < list.size(); i++) {
        references(list.get(i), where + "[" + i + "]", parameters, earlier, later, problems);
      }
    } else if (value instanceof String) {
      Matcher m = EXPRESSION.matcher((String) value);
      while (m.find()) {
        String expression = m.group(1);
        for (String p : names(expression, PARAM_DOT, PARAM_INDEX)) {
          if (!parameters.contains(p)) {
            problems.add(new TemplateProblem(where, "refers to parameters." + p + ", which no parameter page "
                + "declares"));
          }
        }
        for (String s : names(expression, STEP_DOT, STEP_INDEX)) {
          if (earlier.contains(s)) {
            continue;
          }
          problems.add(new TemplateProblem(where, later.contains(s)
              ? "refers to step '" + s + "', which has not run yet at this point"
              : "refers to step '" + s + "', which does not exist"));
        }
      }
    }
  }

  private static Set<String> names(String expression, Pattern dot, Pattern index) {
    Set<String> names = new LinkedHashSet<>();
    for (Pattern p : List.of(dot, index)) {
      Matcher m = p.matcher(expression);
      while (m.find()) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object o) {
    return o instanceof Map ? (Map<String, Object>) o : Map.of();
  }

  @SuppressWarnings("unchecked")
  private static List<Object> castList(Object o) {
    return o instanceof List ? (List<Object>) o : List.of();
  }

  @Override
  public String toString() {
    return "TemplateValidator{" + (actions == null ? "offline" : actions.size() + " actions") + "}";
  }
}
