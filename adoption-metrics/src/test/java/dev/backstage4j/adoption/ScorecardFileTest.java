package dev.backstage4j.adoption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScorecardFileTest {
  private static ScorecardFileException bad(String yaml) {
    return assertThrows(ScorecardFileException.class, () -> Scorecard.fromYaml(yaml, "card.yaml"));
  }

  @Test
  void fixture_parsesChecksTracksAndExemptions() {
    Scorecard card = Fixtures.scorecard();
    assertEquals("Tinyshop service maturity", card.name());
    assertEquals(11, card.checks().size());
    assertEquals(2, card.checks().stream().filter(c -> c.id().equals("has-on-call")).findFirst().orElseThrow()
        .points());
    assertEquals(List.of("Bronze", "Silver", "Gold"),
        card.tracks().get(0).levels().stream().map(Level::name).toList());
    assertEquals(2, card.exemptions().size());
  }

  @Test
  void unknownOperator_isReportedWithItsLine() {
    ScorecardFileException e = bad("name: x\n"
        + "checks:\n"
        + "  - id: a\n"
        + "    title: A\n"
        + "    require:\n"
        + "      - field: spec.type\n"
        + "        equal: service\n");
    assertEquals(7, e.line());
    assertTrue(e.getMessage().startsWith("card.yaml:7: checks[0].require[0]: unknown operator \"equal\""),
        e.getMessage());
  }

  @Test
  void levelNamingAnUndeclaredCheck_pointsAtTheListItem() {
    ScorecardFileException e = bad("name: x\n"
        + "checks:\n"
        + "  - builtin: has-owner\n"
        + "tracks:\n"
        + "  - name: T\n"
        + "    levels:\n"
        + "      - name: Bronze\n"
        + "        checks: [has-owner,\n"
        + "                 has-docs]\n");
    assertEquals(9, e.line());
    assertTrue(e.problem().contains("unknown check \"has-docs\""), e.problem());
  }

  @Test
  void otherMistakes_eachNameFieldAndLine() {
    assertEquals(3, bad("name: x\nchecks:\n  - builtin: has-ownr\n").line());
    assertEquals(6, bad("name: x\nchecks:\n  - id: r\n    title: R\n    require:\n      - field: metadata.name\n"
        + "        matches: \"[a-z\"\n").line() - 1);
    assertEquals(8, bad("name: x\nchecks:\n  - builtin: has-owner\nexemptions:\n  - entity: component:a\n"
        + "    check: has-owner\n    reason: r\n    expires: next week\n").line());
    assertEquals(3, bad("name: x\nchecks:\n  - id: a\n    require: [{annotation: x}]\n").line());
    assertEquals(4, bad("name: x\nchecks:\n  - builtin: has-owner\n    points: lots\n").line());
    assertEquals(2, bad("name: x\ncheks: []\n").line());
    assertTrue(bad("name: x\nchecks:\n  - builtin: has-owner\n  - builtin: has-owner\n").problem()
        .contains("duplicate check id has-owner"));
  }

  @Test
  void malformedYaml_reportsTheParserLine() {
    ScorecardFileException e = bad("name: x\nchecks:\n  - id: [unclosed\n  - x: y\n");
    assertTrue(e.line() >= 3, e.getMessage());
    assertTrue(e.problem().startsWith("invalid YAML"), e.problem());
  }

  @Test
  void declarativeOperators_matchTheirDocumentedMeaning() {
    Scorecard card = Scorecard.fromYaml("name: ops\n"
        + "checks:\n"
        + "  - id: prod-service\n"
        + "    title: Production service\n"
        + "    require:\n"
        + "      - field: spec.type\n"
        + "        equals: service\n"
        + "      - field: spec.lifecycle\n"
        + "        in: [production]\n"
        + "  - id: java-or-kotlin\n"
        + "    title: JVM\n"
        + "    require:\n"
        + "      - anyOf:\n"
        + "          - field: metadata.tags.0\n"
        + "            equals: java\n"
        + "          - field: metadata.tags.0\n"
        + "            equals: kotlin\n"
        + "  - id: no-slug\n"
        + "    title: No GitHub slug\n"
        + "    require:\n"
        + "      - not: {annotation: github.com/project-slug}\n"
        + "  - id: kebab\n"
        + "    title: Kebab\n"
        + "    require:\n"
        + "      - field: metadata.name\n"
        + "        matches: \"[a-z]+(-[a-z]+)*\"\n"
        + "      - exists: spec.owner\n", "inline");
    ScorecardResult r = card.evaluate(Fixtures.tinyshop(), EvaluationContext.empty());
    EntityResult payments = r.entity("component:default/payments-service").orElseThrow();
    EntityResult checkout = r.entity("component:default/checkout-service").orElseThrow();
    EntityResult uiKit = r.entity("component:default/ui-kit").orElseThrow();
    assertEquals(Outcome.PASSED, payments.outcome("prod-service"));
    assertEquals(Outcome.FAILED, checkout.outcome("prod-service")); // experimental
    assertEquals(Outcome.PASSED, payments.outcome("java-or-kotlin"));
    assertEquals(Outcome.PASSED, checkout.outcome("java-or-kotlin"));
    assertEquals(Outcome.FAILED, uiKit.outcome("java-or-kotlin"));
    assertEquals(Outcome.FAILED, payments.outcome("no-slug"));
    assertEquals(Outcome.PASSED, checkout.outcome("no-slug"));
    assertEquals(Outcome.PASSED, payments.outcome("kebab"));
    assertEquals(Outcome.FAILED, r.entity("user:default/alice").orElseThrow().outcome("kebab")); // no owner
  }

  @Test
  void yaml12Scalars_stayStrings_likeInCatalogFiles() {
    Scorecard card = Scorecard.fromYaml("name: yes\n"
        + "checks:\n"
        + "  - id: on\n"
        + "    title: no\n"
        + "    require:\n"
        + "      - field: spec.lifecycle\n"
        + "        equals: off\n", "card.yaml");
    assertEquals("yes", card.name());
    assertEquals("on", card.checks().get(0).id());
    assertEquals("no", card.checks().get(0).title());
  }
}
