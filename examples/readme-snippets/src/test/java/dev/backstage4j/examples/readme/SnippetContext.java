package dev.backstage4j.examples.readme;

import dev.backstage4j.adoption.ScorecardResult;
import dev.backstage4j.catalog.CatalogClient;
import dev.backstage4j.catalog.model.EntityRef;
import dev.backstage4j.core.RequestListener;
import dev.backstage4j.scaffolder.ScaffolderClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the README's snippets take as given (a token, a registry, a client, ...): every snippet body is compiled
 * as a method of a subclass, so these names resolve. Never run; only compiled.
 */
@SuppressWarnings("unused")
abstract class SnippetContext {
  protected String token;
  protected String callersToken;
  protected String salt;
  protected String githubToken;
  protected CatalogClient catalog;
  protected ScaffolderClient scaffolder;
  protected Set<EntityRef> knownOwners;
  protected MeterRegistry meterRegistry;
  protected ScorecardResult scorecardResult;
  protected Map<String, List<String>> requestHeaders;
  protected Map<String, Object> someEntityMap;
  protected RequestListener clientMetrics;
  protected TokenService tokenService;

  protected abstract String currentTraceparent();

  /** Stands for the user's own token source in the Configuration snippet. */
  interface TokenService {
    String freshToken();
  }
}
