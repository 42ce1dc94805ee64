package dev.backstage4j.cli;

import dev.backstage4j.catalog.CatalogEntities;
import dev.backstage4j.catalog.EntityFacets;
import dev.backstage4j.catalog.EntityQuery;
import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.catalog.model.EntityRef;
import dev.backstage4j.core.Page;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.Option;

/** Groups the catalog commands; the read-only ones are nested here. */
final class CatalogCommand {
  /** The one-line description, also shown by the root help before the group is loaded. */
  static final String DESCRIPTION = "Read, register, refresh and validate catalog entities.";

  private static final String FILTER_HELP = "Backstage filter: comma-separated key=value conditions that all"
      + " must hold (a key alone: must exist); repeat --filter for alternatives. E.g. kind=component,spec.type=service";

  private CatalogCommand() {
  }

  /** The group's commands, in help order. */
  static List<Command> commands() {
    return List.of(new Get(), new Query(), new Facets(), new Refs(), new LocationCommands.Register(),
        new LocationCommands.Refresh(), new LocationCommands.Unregister(), new ValidateCommand());
  }

  static final class Get extends Command {
    Get() {
      super("get", "Print one entity. Exit code 4 if it does not exist.", null);
      param("REF", Entities.REF_HELP);
    }

    @Override
    int run(Invocation in) {
      Cli cli = in.cli;
      EntityRef r = Entities.ref(in.arg(0));
      Entity e = cli.backstage().catalog().entities().find(r)
          .orElseThrow(() -> new CliException(ExitCodes.NOT_FOUND, "no entity " + r + " in the catalog"));
      cli.printer().print(e.toMap(), () -> {
        Printer.Table t = Printer.Table.of("FIELD", "VALUE").bare(1);
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

  static final class Query extends Command {
    private final Option filterOption = value("filter", "FILTER", FILTER_HELP);
    private final Option fieldsOption = value("fields", "FIELD,...",
        "Only these fields, e.g. metadata.name,spec.owner (also the table columns).");
    private final Option allOption = flag("all", "Follow every page.");
    private final Option pageSizeOption = value("page-size", "N",
        "Entities per page (default: 100; with --all, pages of about 2 MiB).");

    Query() {
      super("query", "List entities matching filters, page by page from the catalog.",
          "Without --all only the first page is printed, with a note when there are more.");
    }

    @Override
    int run(Invocation in) {
      Cli cli = in.cli;
      List<String> filters = in.values(filterOption);
      List<String> fields = in.list(fieldsOption);
      boolean all = in.flag(allOption);
      EntityQuery.Builder q = EntityQuery.builder().filter(Entities.filter(filters));
      if (!all || in.value(pageSizeOption) != null) {
        q.pageSize(in.count(pageSizeOption, 100)); // one screenful; --all leaves sizing to the client
      }
      if (!fields.isEmpty()) {
        q.fields(fields.toArray(new String[0]));
      }
      CatalogEntities entities = cli.backstage().catalog().entities();
      List<Entity> found = new ArrayList<>();
      String more = null;
      if (all) {
        Progress progress = cli.progress();
        progress.items("entities", 0, null);
        for (Page<Entity> page : entities.query(q.build()).pages()) {
          found.addAll(page.items());
          progress.items("entities", found.size(),
              page.totalItems().isPresent() ? page.totalItems().getAsLong() : null);
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

  static final class Facets extends Command {
    private final Option facetOption = value("facet", "FIELD,...", "Fields to count, e.g. spec.owner.");
    private final Option filterOption = value("filter", "FILTER", FILTER_HELP);

    Facets() {
      super("facets", "Count entities per value of some fields (default: kind, spec.type, spec.lifecycle).", null);
    }

    @Override
    int run(Invocation in) {
      Cli cli = in.cli;
      List<String> facets = in.list(facetOption);
      List<String> names = facets.isEmpty() ? List.of("kind", "spec.type", "spec.lifecycle") : facets;
      EntityFacets result = cli.backstage().catalog().entities().facets(names,
          Entities.filter(in.values(filterOption)));
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

  static final class Refs extends Command {
    private final Option filterOption = value("filter", "FILTER", FILTER_HELP);

    Refs() {
      super("refs", "Print the ref of every entity (matching the filters), one per line: handy in shell loops.",
          null);
    }

    @Override
    int run(Invocation in) {
      Cli cli = in.cli;
      EntityQuery q = EntityQuery.builder().filter(Entities.filter(in.values(filterOption)))
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
