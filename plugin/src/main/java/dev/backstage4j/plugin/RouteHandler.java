package dev.backstage4j.plugin;

/** Answers one route of a {@link PluginRouter}. */
@FunctionalInterface
public interface RouteHandler {

  /**
   * Answers {@code request}, whose caller is already verified (except on unauthenticated routes).
   *
   * @param request the request, with its path parameters and caller
   * @return the response
   * @throws HttpError to answer with a Backstage error; any other exception answers 500 and is logged
   * @throws Exception anything else the handler does not handle itself
   */
  PluginResponse handle(PluginRequest request) throws Exception;
}
