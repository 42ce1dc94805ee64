/**
 * Actions a Java plugin serves to Backstage's actions registry, so the scaffolder runs them as template steps and
 * the MCP server offers them as tools: define an {@link dev.backstage4j.plugin.actions.Action}, collect them in an
 * {@link dev.backstage4j.plugin.actions.ActionsRegistry} and mount it on a {@link dev.backstage4j.plugin.PluginRouter}.
 */
package dev.backstage4j.plugin.actions;
