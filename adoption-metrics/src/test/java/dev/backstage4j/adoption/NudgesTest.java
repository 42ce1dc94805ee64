package dev.backstage4j.adoption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backstage4j.adoption.events.AnalyticsEvent;
import dev.backstage4j.adoption.events.AnalyticsPublisher;
import dev.backstage4j.adoption.events.EventSink;
import dev.backstage4j.adoption.micrometer.MicrometerEventSink;
import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.testkit.FakeBackstage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Nudges: what changed for owners, and their delivery through the testkit's notifications backend. */
class NudgesTest {
  private static FakeBackstage fake;

  @BeforeAll
  static void start() {
    fake = FakeBackstage.builder().sampleCatalog().build().start();
  }

  @AfterAll
  static void stop() {
    fake.close();
  }

  /** Last week storefront-web (web-team) was at Gold; this week it lost its docs. */
  static List<ScorecardResult> storefrontDrops() {
    ScorecardResult before = Fixtures.run(Fixtures.tinyshop(), Instant.parse("2026-11-17T02:00:00Z"));
    ScorecardResult after = Fixtures.run(SnapshotsAndGateTest.lastWeek(), Instant.parse("2026-11-24T02:00:00Z"));
    return List.of(before, after);
  }

  @Test
  void levelDrop_nudgesTheOwnerWithTheFixAndALink() {
    List<ScorecardResult> runs = storefrontDrops();
    List<Nudge> nudges = Nudges.between(runs.get(0), runs.get(1), List.of());
    assertEquals(1, nudges.size(), nudges.toString());
    Nudge n = nudges.get(0);
    assertEquals(Nudge.Kind.LEVEL_DROPPED, n.kind());
    assertEquals("group:default/web-team", n.recipient());
    assertEquals("/catalog/default/component/storefront-web", n.link());
    assertTrue(n.title().startsWith("storefront-web dropped from "), n.title());
    assertTrue(n.description().contains("backstage.io/techdocs-ref"), "names the fix: " + n.description());
    assertEquals("backstage4j.adoption/level/component:default/storefront-web/" + runs.get(1).tracks().get(0)
        .name(), n.scope());
    List<Nudge> back = Nudges.between(runs.get(1), runs.get(0), List.of());
    assertEquals(Nudge.Kind.LEVEL_RAISED, back.get(0).kind());
    assertEquals(n.scope(), back.get(0).scope(), "a rise updates the drop's notification");
  }

  @Test
  void campaignEvents_followTheRunDates() {
    List<Entity> catalog = CampaignTest.catalog(2, 1);
    ScorecardResult oct = CampaignTest.run(CampaignTest.CARD, catalog, "2026-10-30");
    ScorecardResult nov2 = CampaignTest.run(CampaignTest.CARD, catalog, "2026-11-02");
    ScorecardResult nov20 = CampaignTest.run(CampaignTest.CARD, catalog, "2026-11-20");
    ScorecardResult nov25 = CampaignTest.run(CampaignTest.CARD, catalog, "2026-11-25");
    ScorecardResult dec1 = CampaignTest.run(CampaignTest.CARD, catalog, "2026-12-01");
    assertEquals(List.of(Nudge.Kind.CAMPAIGN_STARTED, Nudge.Kind.CAMPAIGN_STARTED), kinds(oct, nov2));
    assertEquals(List.of(), kinds(nov2, nov20), "nothing new between start and the last week");
    assertEquals(List.of(Nudge.Kind.CAMPAIGN_NEAR_DEADLINE, Nudge.Kind.CAMPAIGN_NEAR_DEADLINE), kinds(nov20, nov25));
    assertEquals(List.of(), kinds(nov25, nov25));
    List<Nudge> end = Nudges.between(nov25, dec1, List.of(progress(catalog, dec1)));
    assertEquals(Nudge.Kind.CAMPAIGN_ENDED, end.get(0).kind());
    assertEquals("Campaign Every component at Silver ended: late", end.get(0).title());
    assertEquals("group:default/team-a", end.get(0).recipient());
    assertEquals("/catalog/default/group/team-a", end.get(0).link());
    assertEquals("adoption-campaign:silver", end.get(0).topic());
    assertTrue(end.get(0).description().contains("your team has 2 of 6 entities there. Still to do: Has a "
        + "description (4) - "), end.get(0).description());
  }

  @Test
  void weeklyDigest_onePerTeam_scopedToTheIsoWeek() {
    List<Entity> catalog = CampaignTest.catalog(2, 1);
    ScorecardResult nov20 = CampaignTest.run(CampaignTest.CARD, catalog, "2026-11-20");
    List<Nudge> digests = Nudges.digest(nov20, List.of(progress(catalog, nov20)));
    assertEquals(List.of("group:default/team-a", "group:default/team-b"),
        digests.stream().map(Nudge::recipient).toList());
    Nudge a = digests.get(0);
    assertEquals(Nudge.Kind.WEEKLY_DIGEST, a.kind());
    assertEquals("backstage4j.adoption/digest/group:default/team-a/2026-W47", a.scope());
    assertEquals(Nudges.DIGEST_TOPIC, a.topic());
    assertTrue(a.description().startsWith("7 entities, score 43%."), "6 components and the API: "
        + a.description());
    assertTrue(a.description().contains("Basics: Bronze 5, Silver 2."), a.description());
    assertTrue(a.description().contains("Fix first: Has tags (7) - Add metadata.tags"), a.description());
    assertTrue(a.description().contains(" Has a description (5) - "), a.description());
    assertTrue(a.description().contains("Campaign Every component at Silver: AT_RISK, 2 of 6 done, deadline "
        + "2026-11-30."), a.description());
  }

  private static List<Nudge.Kind> kinds(ScorecardResult before, ScorecardResult after) {
    List<Entity> catalog = CampaignTest.catalog(2, 1);
    return Nudges.between(before, after, List.of(progress(catalog, after))).stream().map(Nudge::kind).toList();
  }

  private static CampaignProgress progress(List<Entity> catalog, ScorecardResult at) {
    return CampaignProgress.of(CampaignTest.SILVER, List.of(at), catalog, Clock.fixed(at.generatedAt(),
        ZoneOffset.UTC));
  }

  @Test
  void sender_deliversOncePerMember_andAResendUpdatesInsteadOfDuplicating() throws Exception {
    List<ScorecardResult> runs = storefrontDrops();
    List<Nudge> nudges = Nudges.between(runs.get(0), runs.get(1), List.of());
    List<AnalyticsEvent> events = new CopyOnWriteArrayList<>();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (AnalyticsPublisher analytics = AnalyticsPublisher.builder().addSink(sink(events))
            .addSink(new MicrometerEventSink(registry)).build();
        NudgeSender sender = NudgeSender.builder(ClientConfig.builder().baseUrl(fake.baseUrl())
            .token(fake.token()).build()).analytics(analytics).build()) {
      NudgeSender.Report first = sender.send(nudges);
      assertEquals(1, first.sent());
      sender.send(nudges);
      analytics.flush(Duration.ofSeconds(5));
    }
    for (String user : List.of("user:default/bob", "user:default/erin", "user:default/dave")) {
      JsonNode list = notificationsOf(user);
      List<JsonNode> mine = new ArrayList<>();
      list.get("notifications").forEach(n -> {
        if (n.get("payload").get("scope").asText().endsWith("/storefront-web/Basics")) {
          mine.add(n);
        }
      });
      assertEquals(1, mine.size(), user + ": " + list);
      JsonNode p = mine.get(0).get("payload");
      assertEquals("/catalog/default/component/storefront-web", p.get("link").asText());
      assertEquals("high", p.get("severity").asText());
      assertEquals(nudges.get(0).title(), p.get("title").asText());
    }
    assertEquals(0, notificationsOf("user:default/carol").get("totalCount").asInt(), "payments-team only");
    assertEquals(2, events.size(), "each delivery also went to analytics");
    assertEquals("adoption.level_dropped", events.get(0).action());
    assertEquals(2, registry.get("backstage.analytics.events").tag("action", "adoption.level_dropped").counter()
        .count(), "and to Micrometer through the analytics sink");
  }

  @Test
  void sender_rateLimitsPerRecipientAndTopic_andDryRunSendsNothing() {
    Nudge a = new Nudge(Nudge.Kind.LEVEL_DROPPED, "group:default/web-team", "component:default/x", "x dropped",
        "d", "/catalog/default/component/x", Nudges.LEVEL_TOPIC, "s1");
    Nudge b = new Nudge(Nudge.Kind.LEVEL_DROPPED, "group:default/web-team", "component:default/y", "y dropped",
        "d", "/catalog/default/component/y", Nudges.LEVEL_TOPIC, "s2");
    Nudge other = new Nudge(Nudge.Kind.CAMPAIGN_STARTED, "group:default/web-team", "campaign:c", "c started",
        "d", "/catalog/default/group/web-team", "adoption-campaign:c", "s3");
    List<String> printed = new ArrayList<>();
    Instant[] now = {Instant.parse("2026-11-24T00:00:00Z")};
    Clock clock = new Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now[0];
      }
    };
    int before = fake.requestCount();
    NudgeSender dry = NudgeSender.dryRun(printed::add).rateLimit(1, Duration.ofHours(12)).clock(clock)
        .severity(Nudge.Kind.CAMPAIGN_STARTED, "LOW").build();
    NudgeSender.Report r = dry.send(List.of(a, b, other));
    assertEquals(2, r.sent());
    assertEquals(1, r.suppressed(), "b: second level nudge to web-team within the window");
    assertEquals(List.of("would notify group:default/web-team [high, adoption-levels] x dropped -> "
        + "/catalog/default/component/x (scope s1)", "would notify group:default/web-team [low, "
        + "adoption-campaign:c] c started -> /catalog/default/group/web-team (scope s3)"), printed);
    assertEquals(Map.of("type", "entity", "entityRef", List.of("group:default/web-team")),
        r.requests().get(0).get("recipients"));
    now[0] = now[0].plus(Duration.ofHours(13));
    assertEquals(1, dry.send(List.of(b)).sent(), "the window has passed");
    assertEquals(before, fake.requestCount(), "dry-run sends nothing");
  }

  private static EventSink sink(List<AnalyticsEvent> into) {
    return new EventSink() {
      @Override
      public String name() {
        return "test";
      }

      @Override
      public void deliver(List<AnalyticsEvent> batch) {
        into.addAll(batch);
      }
    };
  }

  private static JsonNode notificationsOf(String user) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(fake.baseUrl() + "/api/notifications/notifications"))
        .header("Authorization", "Bearer " + fake.userToken(user)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return new ObjectMapper().readTree(r.body());
  }
}
