package dev.backstage4j.cli;

import dev.backstage4j.adoption.Campaign;
import dev.backstage4j.adoption.CampaignProgress;
import dev.backstage4j.adoption.CheckInfo;
import dev.backstage4j.adoption.Nudge;
import dev.backstage4j.adoption.NudgeSender;
import dev.backstage4j.adoption.Nudges;
import dev.backstage4j.adoption.Scorecard;
import dev.backstage4j.adoption.ScorecardResult;
import dev.backstage4j.adoption.Snapshots;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.cli.Option;

/** {@code adoption campaign status}: where each campaign of the scorecard stands. */
final class Campaigns extends Command {
  private final Adoption adoption = new Adoption(this);
  private final Option campaignOption = value("campaign", "ID", "Only this campaign (default: every one).");
  private final Option snapshotDirOption = value("snapshot-dir", "DIR",
      "Save this run as a snapshot there and draw the burn-down from every snapshot in it.");
  private final Option notifyOption = flag("notify", "Notify owners through Backstage's notifications backend of "
      + "what changed since the previous snapshot (needs --snapshot-dir): level drops and rises, campaigns "
      + "started, near the deadline, ended.");
  private final Option dryRunOption = flag("dry-run", "With --notify: print the notifications instead of sending.");
  private final Option digestOption = flag("digest", "With --notify: also send each team its weekly digest (score, "
      + "levels, checks to fix first, campaigns); one per team and ISO week, a rerun updates it.");

  Campaigns() {
    super("campaign", "Campaigns: 'status' shows each campaign's progress, status, burn-down and the teams behind.",
        "Campaigns are declared under campaigns: in the --scorecard file; the embedded Backstage ships one."
            + " Run it on a schedule with --snapshot-dir to keep the burn-down history, and --notify to tell owners"
            + " in Backstage what changed for them."
            + " Example: backstage4j adoption campaign status --embedded");
    param("ACTION", "status");
  }

  /** {@return the scorecard's campaign with this id} */
  static Campaign find(Scorecard card, String id) {
    for (Campaign c : card.campaigns()) {
      if (c.id().equals(id)) {
        return c;
      }
    }
    List<String> ids = new ArrayList<>();
    card.campaigns().forEach(c -> ids.add(c.id()));
    throw CliException.usage("no campaign '" + id + "' in scorecard " + card.name()
        + (ids.isEmpty() ? " (it declares none)" : "; campaigns: " + String.join(", ", ids)));
  }

  @Override
  int run(Invocation in) {
    if (!in.arg(0).equals("status")) {
      throw CliException.usage("unknown campaign action '" + in.arg(0) + "'; actions: status");
    }
    Cli cli = in.cli;
    String only = in.value(campaignOption);
    Path dir = in.path(snapshotDirOption);
    Adoption.Run run = adoption.run(in);
    if (only != null) {
      find(run.card(), only);
    }
    boolean notify = in.flag(notifyOption);
    if ((in.flag(dryRunOption) || in.flag(digestOption)) && !notify) {
      throw CliException.usage("--dry-run and --digest go with --notify");
    }
    if (notify && dir == null) {
      throw CliException.usage("--notify needs --snapshot-dir: notifications say what changed since the last run");
    }
    List<ScorecardResult> history = List.of();
    if (dir != null) {
      Snapshots.save(run.result(), dir);
      history = Snapshots.loadAll(dir);
    }
    List<CampaignProgress> all = new ArrayList<>();
    for (CampaignProgress p : run.campaigns(history)) {
      if (only == null || p.campaign().id().equals(only)) {
        all.add(p);
      }
    }
    if (all.isEmpty()) {
      throw CliException.usage("scorecard " + run.card().name() + " declares no campaigns (add campaigns: to the "
          + "--scorecard file)");
    }
    NudgeSender.Report nudged = notify ? notifyOwners(in, run, history) : null;
    if (cli.printer().structured()) {
      List<Object> data = new ArrayList<>();
      all.forEach(p -> data.add(p.toData()));
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("campaigns", data);
      if (nudged != null) {
        m.put("notifications", Map.of("sent", nudged.sent(), "suppressed", nudged.suppressed()));
      }
      cli.printer().print(m, null);
      return ExitCodes.OK;
    }
    PrintWriter out = cli.out();
    for (CampaignProgress p : all) {
      Campaign c = p.campaign();
      out.println(c.title() + " [" + c.id() + "]: " + p.status() + String.format(Locale.ROOT,
          ", %d of %d at %s (%.0f%%), deadline %s (%d days left)", p.done(), p.total(), c.targetDescription(),
          p.percent(), c.deadline(), p.daysLeft()));
      StringBuilder burn = new StringBuilder("  burn-down (remaining):");
      p.burnDown().forEach(x -> burn.append(' ').append(x.time().toString(), 0, 10).append('=').append(x.remaining()));
      out.println(burn);
      for (CampaignProgress.Team t : p.teams()) {
        if (t.remaining() == 0) {
          continue;
        }
        out.println("  " + t.owner() + ": " + t.remaining() + " to go (" + String.join(", ", t.missing()) + ")");
        t.fixes().forEach((id, n) -> {
          CheckInfo info = run.result().check(id);
          out.println("    - " + info.title() + " [" + id + "] x" + n + ": " + info.howToFix());
        });
      }
    }
    if (nudged != null) {
      out.println("Notifications: " + nudged.sent() + (in.flag(dryRunOption) ? " would be sent" : " sent") + ", "
          + nudged.suppressed() + " held back by the rate limit");
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** Sends (or prints) the nudges between the previous snapshot and this run. */
  private NudgeSender.Report notifyOwners(Invocation in, Adoption.Run run, List<ScorecardResult> history) {
    ScorecardResult previous = null;
    for (ScorecardResult r : history) {
      if (r.generatedAt().isBefore(run.result().generatedAt())) {
        previous = r;
      }
    }
    List<CampaignProgress> campaigns = run.campaigns(history);
    List<Nudge> nudges = new ArrayList<>(Nudges.between(previous, run.result(), campaigns));
    if (in.flag(digestOption)) {
      nudges.addAll(Nudges.digest(run.result(), campaigns));
    }
    PrintWriter out = in.cli.out();
    NudgeSender.Builder b = in.flag(dryRunOption) ? NudgeSender.dryRun(out::println)
        : NudgeSender.builder(in.cli.backstage().config());
    try (NudgeSender sender = b.build()) {
      return sender.send(nudges);
    }
  }
}
