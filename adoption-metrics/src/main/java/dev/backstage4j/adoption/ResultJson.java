package dev.backstage4j.adoption;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.backstage4j.catalog.model.EntityRef;
import dev.backstage4j.core.BackstageDecodingException;
import dev.backstage4j.core.internal.Trees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes and reads the result JSON (schema {@value #SCHEMA}); the schema is documented in
 * {@code adoption-metrics/README.md}. Field order is fixed so files diff well.
 */
final class ResultJson {
  static final String SCHEMA = "backstage4j.adoption.result/v1";
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String[] OUTCOME_NAMES = {"passed", "failed", "exempt", "notApplicable"};

  private ResultJson() {}

  static String write(ScorecardResult r) {
    return write(r, List.of());
  }

  /** Writes the result with a trailing {@code campaigns} array when there are any. */
  static String write(ScorecardResult r, List<CampaignProgress> campaigns) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schema", SCHEMA);
    root.put("scorecard", r.scorecardName());
    root.put("generatedAt", r.generatedAt().toString());
    root.put("evaluatedOn", r.evaluatedOn().toString());
    List<Object> checks = new ArrayList<>();
    for (CheckInfo c : r.checks()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", c.id());
      m.put("title", c.title());
      m.put("howToFix", c.howToFix());
      m.put("points", c.points());
      m.put("scope", c.scope());
      checks.add(m);
    }
    root.put("checks", checks);
    List<Object> tracks = new ArrayList<>();
    for (Track t : r.tracks()) {
      List<Object> levels = new ArrayList<>();
      for (Level l : t.levels()) {
        levels.add(ordered("name", l.name(), "checks", l.checkIds()));
      }
      tracks.add(ordered("name", t.name(), "scope", t.scope().toString(), "levels", levels));
    }
    root.put("tracks", tracks);
    List<Object> ex = new ArrayList<>();
    for (Exemption x : r.exemptions()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("entity", x.entity().toString());
      m.put("check", x.checkId());
      m.put("reason", x.reason());
      m.put("expires", x.expires().toString());
      m.put("expired", x.isExpired(r.evaluatedOn()));
      ex.add(m);
    }
    root.put("exemptions", ex);
    root.put("kpis", kpis(r.kpis()));
    root.put("total", rollup(r, r.total()));
    Map<String, Object> rollups = new LinkedHashMap<>();
    for (Dimension d : Dimension.values()) {
      List<Object> list = new ArrayList<>();
      r.rollups(d).forEach(x -> list.add(rollup(r, x)));
      rollups.put(d.name().toLowerCase(Locale.ROOT), list);
    }
    root.put("rollups", rollups);
    List<Object> entities = new ArrayList<>();
    for (EntityResult e : r.entities()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("ref", e.ref().toString());
      m.put("owner", e.owner());
      m.put("system", e.system());
      m.put("domain", e.domain());
      Map<String, Object> levels = new LinkedHashMap<>();
      for (Track t : r.tracks()) {
        if (e.ranked(t.name())) {
          levels.put(t.name(), e.level(t.name()).orElse(null));
        }
      }
      m.put("levels", levels);
      m.put("points", e.points());
      m.put("maxPoints", e.maxPoints());
      Map<String, Object> outcomes = new LinkedHashMap<>();
      byte[] raw = e.rawOutcomes();
      for (int i = 0; i < raw.length; i++) {
        outcomes.put(r.checks().get(i).id(), OUTCOME_NAMES[raw[i]]);
      }
      m.put("outcomes", outcomes);
      entities.add(m);
    }
    root.put("entities", entities);
    if (!campaigns.isEmpty()) {
      List<Object> cs = new ArrayList<>();
      campaigns.forEach(c -> cs.add(CampaignReport.data(c)));
      root.put("campaigns", cs);
    }
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write result JSON", e);
    }
  }

  private static Map<String, Object> kpis(CatalogKpis k) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("entities", k.entities());
    m.put("entitiesByKind", k.entitiesByKind());
    m.put("owned", ratio(k.owned()));
    m.put("ownersResolving", ratio(k.ownersResolving()));
    m.put("withDocs", ratio(k.withDocs()));
    m.put("withSystem", ratio(k.withSystem()));
    m.put("withLifecycle", ratio(k.withLifecycle()));
    m.put("orphans", k.orphans());
    m.put("unresolvedOwners", k.unresolvedOwners());
    m.put("entitiesPerOwner", k.entitiesPerOwner());
    return m;
  }

  private static Map<String, Object> ratio(Ratio r) {
    return ordered("count", r.count(), "total", r.total(), "percent", round(r.percent()));
  }

  private static Map<String, Object> rollup(ScorecardResult r, Rollup x) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", x.key());
    m.put("entities", x.entities());
    m.put("points", x.points());
    m.put("maxPoints", x.maxPoints());
    m.put("scorePercent", round(x.scorePercent()));
    Map<String, Object> levels = new LinkedHashMap<>();
    for (Track t : r.tracks()) {
      levels.put(t.name(), x.levelCounts(t.name()));
    }
    m.put("levels", levels);
    Map<String, Object> checks = new LinkedHashMap<>();
    int[][] raw = x.rawCheckCounts();
    for (int i = 0; i < raw.length; i++) {
      Map<String, Object> c = new LinkedHashMap<>();
      for (int o = 0; o < 4; o++) {
        c.put(OUTCOME_NAMES[o], raw[i][o]);
      }
      c.put("passRate", round(x.passRate(r.checks().get(i).id())));
      checks.put(r.checks().get(i).id(), c);
    }
    m.put("checks", checks);
    return m;
  }

  private static double round(double d) {
    return Math.round(d * 100.0) / 100.0;
  }

  private static Map<String, Object> ordered(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  static ScorecardResult read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new ScorecardFileException(file.toString(), 0, "cannot read: " + e.getMessage());
    }
  }

  static ScorecardResult parse(String json, String source) {
    Map<String, Object> root;
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = MAPPER.readValue(json, Map.class);
      root = m;
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ScorecardFileException(source, line, "invalid JSON: " + e.getOriginalMessage());
    }
    if (!SCHEMA.equals(root.get("schema"))) {
      throw new ScorecardFileException(source, 0, "$.schema: expected \"" + SCHEMA + "\", found "
          + root.get("schema"));
    }
    try {
      List<CheckInfo> checks = new ArrayList<>();
      for (Map<String, Object> c : maps(root, "checks", "$")) {
        checks.add(new CheckInfo((String) c.get("id"), (String) c.get("title"), (String) c.get("howToFix"),
            ((Number) c.get("points")).intValue(), (String) c.get("scope")));
      }
      List<Track> tracks = new ArrayList<>();
      for (Map<String, Object> t : maps(root, "tracks", "$")) {
        List<Level> levels = new ArrayList<>();
        for (Map<String, Object> l : maps(t, "levels", "$.tracks")) {
          @SuppressWarnings("unchecked")
          List<String> ids = (List<String>) l.get("checks");
          levels.add(Level.of((String) l.get("name"), ids));
        }
        // a track's scope may hold Java predicates and is not restored: the stored levels are used instead
        tracks.add(Track.of((String) t.get("name"), levels).withScope(Scope.described((String) t.get("scope"))));
      }
      Shape shape = new Shape(checks, tracks);
      List<Exemption> ex = new ArrayList<>();
      for (Map<String, Object> x : maps(root, "exemptions", "$")) {
        ex.add(Exemption.of(EntityRef.parse((String) x.get("entity")), (String) x.get("check"),
            (String) x.get("reason"), LocalDate.parse((String) x.get("expires"))));
      }
      List<EntityResult> entities = new ArrayList<>();
      for (Map<String, Object> e : maps(root, "entities", "$")) {
        @SuppressWarnings("unchecked")
        Map<String, Object> outs = (Map<String, Object>) e.get("outcomes");
        byte[] raw = new byte[checks.size()];
        for (int i = 0; i < raw.length; i++) {
          raw[i] = (byte) List.of(OUTCOME_NAMES).indexOf(String.valueOf(outs.get(checks.get(i).id())));
          if (raw[i] < 0) {
            throw new IllegalArgumentException("$.entities[" + entities.size() + "].outcomes."
                + checks.get(i).id() + ": unknown outcome " + outs.get(checks.get(i).id()));
          }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> lv = (Map<String, Object>) e.get("levels");
        int[] levels = new int[tracks.size()];
        for (int t = 0; t < levels.length; t++) {
          Object name = lv.get(tracks.get(t).name());
          levels[t] = !lv.containsKey(tracks.get(t).name()) ? Shape.NOT_RANKED
              : name == null ? -1 : tracks.get(t).indexOf((String) name);
        }
        entities.add(new EntityResult(shape, EntityRef.parse((String) e.get("ref")), (String) e.get("owner"),
            (String) e.get("system"), (String) e.get("domain"), raw, levels));
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> rollupsJson = (Map<String, Object>) root.get("rollups");
      Map<Dimension, List<Rollup>> rollups = new EnumMap<>(Dimension.class);
      for (Dimension d : Dimension.values()) {
        List<Rollup> list = new ArrayList<>();
        for (Map<String, Object> x : maps(rollupsJson, d.name().toLowerCase(Locale.ROOT), "$.rollups")) {
          list.add(rollup(shape, d, x));
        }
        rollups.put(d, list);
      }
      @SuppressWarnings("unchecked")
      Rollup total = rollup(shape, null, (Map<String, Object>) root.get("total"));
      @SuppressWarnings("unchecked")
      CatalogKpis kpis = kpis((Map<String, Object>) root.get("kpis"));
      return new ScorecardResult((String) root.get("scorecard"), Instant.parse((String) root.get("generatedAt")),
          LocalDate.parse((String) root.get("evaluatedOn")), shape, entities, total, rollups, ex, kpis);
    } catch (BackstageDecodingException e) {
      throw new ScorecardFileException(source, 0, e.getMessage());
    } catch (RuntimeException e) {
      if (e instanceof ScorecardFileException) {
        throw e;
      }
      throw new ScorecardFileException(source, 0, "not a result file of schema " + SCHEMA + ": " + e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Rollup rollup(Shape shape, Dimension d, Map<String, Object> x) {
    int[][] levels = new int[shape.tracks.size()][];
    Map<String, Object> lv = (Map<String, Object>) x.get("levels");
    for (int t = 0; t < levels.length; t++) {
      Track track = shape.tracks.get(t);
      Map<String, Object> counts = (Map<String, Object>) lv.get(track.name());
      levels[t] = new int[track.levels().size() + 1];
      levels[t][0] = ((Number) counts.get("none")).intValue();
      for (int l = 0; l < track.levels().size(); l++) {
        levels[t][l + 1] = ((Number) counts.get(track.levels().get(l).name())).intValue();
      }
    }
    Map<String, Object> cj = (Map<String, Object>) x.get("checks");
    int[][] checks = new int[shape.checks.size()][4];
    for (int i = 0; i < checks.length; i++) {
      Map<String, Object> c = (Map<String, Object>) cj.get(shape.checks.get(i).id());
      for (int o = 0; o < 4; o++) {
        checks[i][o] = ((Number) c.get(OUTCOME_NAMES[o])).intValue();
      }
    }
    return new Rollup(shape, d, (String) x.get("key"), ((Number) x.get("entities")).intValue(), levels, checks,
        ((Number) x.get("points")).longValue(), ((Number) x.get("maxPoints")).longValue());
  }

  @SuppressWarnings("unchecked")
  private static CatalogKpis kpis(Map<String, Object> k) {
    Map<String, Long> byKind = new LinkedHashMap<>();
    ((Map<String, Object>) k.get("entitiesByKind")).forEach((a, b) -> byKind.put(a, ((Number) b).longValue()));
    Map<String, Long> perOwner = new LinkedHashMap<>();
    ((Map<String, Object>) k.get("entitiesPerOwner")).forEach((a, b) -> perOwner.put(a, ((Number) b).longValue()));
    return new CatalogKpis(((Number) k.get("entities")).longValue(), byKind, ratio(k.get("owned")),
        ratio(k.get("ownersResolving")), ratio(k.get("withDocs")), ratio(k.get("withSystem")),
        ratio(k.get("withLifecycle")), ((Number) k.get("orphans")).longValue(),
        ((Number) k.get("unresolvedOwners")).longValue(), perOwner);
  }

  @SuppressWarnings("unchecked")
  private static Ratio ratio(Object o) {
    Map<String, Object> m = (Map<String, Object>) o;
    return Ratio.of(((Number) m.get("count")).longValue(), ((Number) m.get("total")).longValue());
  }

  /** The objects of an array field; a wrong shape is a decoding error naming its JSON path. */
  private static List<Map<String, Object>> maps(Map<String, Object> parent, String key, String path) {
    List<?> items = Trees.list(parent, key, path);
    List<Map<String, Object>> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      out.add(Trees.asMap(items.get(i), Trees.at(Trees.at(path, key), i)));
    }
    return out;
  }
}
