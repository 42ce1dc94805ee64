package dev.backstage4j.cli;

import dev.backstage4j.catalog.CatalogEntities;
import dev.backstage4j.catalog.EntityFacets;
import dev.backstage4j.catalog.EntityQuery;
import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.catalog.model.EntityRef;
import dev.backstage4j.core.Page;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Groups the catalog commands; the read-only ones are nested here. */
@Command(name = "catalog", mixinStandardHelpOptions = true,
    description = CatalogCommand.DESCRIPTION,
    subcommands = {CatalogCommand.Get.class, CatalogCommand.Query.class, CatalogCommand.Facets.class,
        CatalogCommand.Refs.class, LocationCommands.Register.class, LocationCommands.Refresh.class,
        LocationCommands.Unregister.class, ValidateCommand.class})
final class CatalogCommand {
  /** The one-line description, also shown by the root help before the group is loaded. */
  static final String DESCRIPTION = "Read, register, refresh and validate catalog entities.";

  private static final String FILTER_HELP = "Backstage filter: comma-separated key=value conditions that all"
      + " must hold (a key alone: must exist); repeat --filter for alternatives. E.g. kind=component,spec.type=service";

  private CatalogCommand() {
  }

  @Command(name = "get", mixinStandardHelpOptions = true,
      description = "Print one entity. Exit code 4 if it does not exist.")
  static final class Get implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "REF", description = "[kind:][namespace/]name; the kind defaults to component.")
    String ref;

    @Override
    public Integer call() {
      Cli cli = Cli.of(spec);
      EntityRef r = Entities.ref(ref);
      Entity e = cli.backstage().catalog().entities().find(r)
          .orElseThrow(() -> new CliException(ExitCodes.NOT_FOUND, "no entity " + r + " in the catalog"));
      cli.printer().print(e.toMap(), () -> {
        Printer.Table t = Printer.Table.of("FIELD", "VALUE");
        t.row("ref", e.ref());
        t.row("title", e.metadata().title());
        t.row("description", e.metadata().description());
        for (String k : List.of("type", "lifecycle", "owner", "system", "domain", "parent")) {
          if (e.spec().containsKey(k)) {
            t.row(k, Entities.spec(e, k));
          }
        }
        if (!e.metadata().tags().isEmpty()) {
          t.row("tags", String.join(", ", e.metadata().tags()));
        }
        e.metadata().annotations().forEach((k, v) -> t.row(k, v));
        e.relations().forEach(rel -> t.row(rel.type(), rel.targetRef()));
        return t;
      });
      return ExitCodes.OK;
    }
  }

  @Command(name = "query", mixinStandardHelpOptions = true,
      description = {"List entities matching filters, page by page from the catalog.",
          "Without --all only the first page is printed, with a note when there are more."})
  static final class Query implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--filter", paramLabel = "FILTER", description = FILTER_HELP)
    List<String> filters;

    @Option(names = "--fields", split = ",", paramLabel = "FIELD",
        description = "Only these fields, e.g. metadata.name,spec.owner (also the table columns).")
    List<String> fields;

    @Option(names = "--all", description = "Follow every page.")
    boolean all;

    @Option(names = "--page-size", defaultValue = "100", paramLabel = "N",
        description = "Entities per page (default: ${DEFAULT-VALUE}).")
    int pageSize;

    @Override
    public Integer call() {
      Cli cli = Cli.of(spec);
      EntityQuery.Builder q = EntityQuery.builder().filter(Entities.filter(filters)).pageSize(pageSize);
      if (fields != null && !fields.isEmpty()) {
        q.fields(fields.toArray(new String[0]));
      }
      CatalogEntities entities = cli.backstage().catalog().entities();
      List<Entity> found = new ArrayList<>();
      String more = null;
      if (all) {
        Progress progress = cli.progress();
        Iterator<Entity> it = entities.query(q.build()).iterator();
        while (it.hasNext()) {
          found.add(it.next());
          if (found.size() % pageSize == 0) {
            progress.update("read " + found.size() + " entities...");
          }
        }
        progress.done();
      } else {
        Page<Entity> page = entities.queryPage(q.build());
        found.addAll(page.items());
        if (page.nextCursor().isPresent()) {
          more = page.totalItems().isPresent()
              ? "showing " + found.size() + " of " + page.totalItems().getAsLong() + " entities; --all for every page"
              : "showing the first " + found.size() + " entities; --all for every page";
        }
      }
      cli.printer().print(Entities.maps(found), () -> Entities.table(found, fields));
      if (more != null) {
        cli.summary(more);
      }
      return ExitCodes.OK;
    }
  }

  @Command(name = "facets", mixinStandardHelpOptions = true,
      description = "Count entities per value of some fields (default: kind, spec.type, spec.lifecycle).")
  static final class Facets implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--facet", split = ",", paramLabel = "FIELD", description = "Fields to count, e.g. spec.owner.")
    List<String> facets;

    @Option(names = "--filter", paramLabel = "FILTER", description = FILTER_HELP)
    List<String> filters;

    @Override
    public Integer call() {
      Cli cli = Cli.of(spec);
      List<String> names = facets == null || facets.isEmpty() ? List.of("kind", "spec.type", "spec.lifecycle")
          : facets;
      EntityFacets result = cli.backstage().catalog().entities().facets(names, Entities.filter(filters));
      Map<String, Object> data = new LinkedHashMap<>();
      result.all().forEach((facet, counts) -> {
        List<Map<String, Object>> list = new ArrayList<>();
        counts.forEach(c -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("value", c.value());
          m.put("count", c.count());
          list.add(m);
        });
        data.put(facet, list);
      });
      cli.printer().print(data, () -> {
        Printer.Table t = Printer.Table.of("FACET", "VALUE", "COUNT");
        result.all().forEach((facet, counts) -> counts.forEach(c -> t.row(facet, c.value(), c.count())));
        return t;
      });
      return ExitCodes.OK;
    }
  }

  @Command(name = "refs", mixinStandardHelpOptions = true,
      description = "Print the ref of every entity (matching the filters), one per line: handy in shell loops.")
  static final class Refs implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--filter", paramLabel = "FILTER", description = FILTER_HELP)
    List<String> filters;

    @Override
    public Integer call() {
      Cli cli = Cli.of(spec);
      EntityQuery q = EntityQuery.builder().filter(Entities.filter(filters))
          .fields("kind", "metadata.name", "metadata.namespace").orderBy("metadata.name",
              dev.backstage4j.catalog.SortOrder.ASC).build();
      List<String> refs = new ArrayList<>();
      Progress progress = cli.progress();
      for (Entity e : cli.backstage().catalog().entities().query(q)) {
        refs.add(e.ref().toString());
        if (refs.size() % 500 == 0) {
          progress.update("read " + refs.size() + " refs...");
        }
      }
      progress.done();
      refs.sort(null);
      if (cli.printer().structured()) {
        cli.printer().print(refs, null);
      } else {
        refs.forEach(cli.out()::println);
        cli.out().flush();
      }
      return ExitCodes.OK;
    }
  }
}
