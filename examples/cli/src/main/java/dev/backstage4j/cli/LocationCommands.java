package dev.backstage4j.cli;

import dev.backstage4j.catalog.CatalogLocations;
import dev.backstage4j.catalog.Location;
import dev.backstage4j.catalog.LocationRegistration;
import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.catalog.model.EntityRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.cli.Option;

/** The catalog commands that change what the catalog holds: register, refresh, unregister. */
final class LocationCommands {
  private static final Pattern LOCATION_ID = Pattern.compile("[0-9a-fA-F-]{36}");

  private LocationCommands() {
  }

  static Map<String, Object> location(Location l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", l.id());
    m.put("type", l.type());
    m.put("target", l.target());
    return m;
  }

  static final class Register extends Command {
    private final Option dryRunOption = flag("dry-run", "Only show what would be registered.");

    Register() {
      super("register", "Register a catalog-info.yaml by URL (type url) or local path (type file).",
          "The backend must be allowed to read the file. With --dry-run nothing is stored: the entities it would"
              + " add are listed.");
      param("URL_OR_FILE", "https://... or a path to a catalog-info.yaml.");
    }

    @Override
    int run(Invocation in) {
      Cli cli = in.cli;
      String target = in.arg(0);
      boolean dryRun = in.flag(dryRunOption);
      String type;
      String where;
      if (target.startsWith("http://") || target.startsWith("https://")) {
        type = "url";
        where = target;
      } else {
        Path p = Path.of(target).toAbsolutePath().normalize();
        if (!Files.isRegularFile(p)) {
          throw CliException.usage("no such file: " + target);
        }
        type = "file";
        where = p.toString();
      }
      CatalogLocations locations = cli.backstage().catalog().locations();
      LocationRegistration r = dryRun ? locations.dryRun(type, where) : locations.register(type, where);
      List<String> refs = new ArrayList<>();
      for (Entity e : r.entities()) {
        refs.add(e.ref().toString());
      }
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("dryRun", dryRun);
      data.put("exists", r.exists());
      data.put("location", r.location() == null ? null : location(r.location()));
      data.put("entities", refs);
      cli.printer().print(data, () -> {
        Printer.Table t = Printer.Table.of("ENTITY");
        refs.forEach(t::row);
        return t;
      });
      cli.summary((dryRun ? "would register " : "registered ") + type + " " + where + ": " + refs.size()
          + " entities" + (r.exists() ? " (already registered)" : "")
          + (r.location() != null && !dryRun ? "; location id " + r.location().id() : ""));
      return ExitCodes.OK;
    }
  }

  static final class Refresh extends Command {
    Refresh() {
      super("refresh", "Ask the catalog to read an entity's source again soon.", null);
      param("REF", Entities.REF_HELP);
    }

    @Override
    int run(Invocation in) {
      Cli cli = in.cli;
      EntityRef r = Entities.ref(in.arg(0));
      cli.backstage().catalog().entities().refresh(r);
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("refreshed", r.toString());
      cli.printer().print(data, () -> Printer.Table.of("REFRESHED").row(r));
      return ExitCodes.OK;
    }
  }

  static final class Unregister extends Command {
    Unregister() {
      super("unregister", "Remove a registered location and the entities it produced.",
          "Give the location id, or the ref of an entity it produced.");
      param("LOCATION_ID_OR_REF", "A location id, or an entity ref.");
    }

    @Override
    int run(Invocation in) {
      Cli cli = in.cli;
      String what = in.arg(0);
      CatalogLocations locations = cli.backstage().catalog().locations();
      Location loc;
      if (LOCATION_ID.matcher(what).matches()) {
        loc = locations.find(what)
            .orElseThrow(() -> new CliException(ExitCodes.NOT_FOUND, "no location with id " + what));
      } else {
        EntityRef r = Entities.ref(what);
        loc = locations.findByEntity(r).orElseThrow(() -> new CliException(ExitCodes.NOT_FOUND,
            "no registered location produced " + r + " (locations from the app config cannot be unregistered)"));
      }
      locations.delete(loc.id());
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("unregistered", location(loc));
      cli.printer().print(data, () -> Printer.Table.of("UNREGISTERED", "TYPE", "TARGET")
          .row(loc.id(), loc.type(), loc.target()));
      return ExitCodes.OK;
    }
  }
}
