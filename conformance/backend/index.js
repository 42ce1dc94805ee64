'use strict';
// The real Backstage backend of the backstage4j conformance suite, plain CommonJS: catalog and scaffolder, plus
// what a Java backend plugin talks to (auth with the guest provider for real user tokens, notifications, events,
// MCP actions).
// Started by dev.backstage4j.conformance.RealBackstage as: node index.js --config app-config.yaml
// (after ./install.sh). Listens on 127.0.0.1 only; see app-config.yaml for the environment it reads.
const { createBackend } = require('@backstage/backend-defaults');
const { createBackendModule } = require('@backstage/backend-plugin-api');
const { catalogLocationsExtensionPoint } = require('@backstage/plugin-catalog-node');

// POST /api/catalog/locations accepts only type "url" by default, and no config key changes that.
// The contract tests register local files ({"type":"file","target":"/abs/path.yaml"}), so allow "file" too.
const allowFileLocations = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'allow-file-locations',
  register(env) {
    env.registerInit({
      deps: { locations: catalogLocationsExtensionPoint },
      async init({ locations }) {
        locations.setAllowedLocationTypes(['url', 'file']);
      },
    });
  },
});

// If the process that started us dies without stopping us (e.g. a JVM killed with SIGKILL, so its shutdown
// hook never ran), exit instead of lingering: B4J_PARENT_PID is the pid to watch.
const parentPid = Number(process.env.B4J_PARENT_PID || 0);
if (parentPid > 0) {
  setInterval(() => {
    try {
      process.kill(parentPid, 0);
    } catch (e) {
      console.error(`parent process ${parentPid} is gone; exiting`);
      process.exit(0);
    }
  }, 2000).unref();
}

const backend = createBackend();
backend.add(require('@backstage/plugin-catalog-backend'));
// Lets the catalog accept kind: Template (scaffolder.backstage.io/v1beta3).
backend.add(require('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'));
backend.add(allowFileLocations);
backend.add(require('@backstage/plugin-scaffolder-backend'));
// Real user and limited-user (obo) tokens without a browser: GET /api/auth/guest/refresh.
backend.add(require('@backstage/plugin-auth-backend'));
backend.add(require('@backstage/plugin-auth-backend-module-guest-provider'));
// POST /api/notifications/notifications (service callers) and reading them back as a user.
backend.add(require('@backstage/plugin-notifications-backend'));
backend.add(require('@backstage/plugin-events-backend'));
// Actions from backend.actions.pluginSources offered as MCP tools at POST /api/mcp-actions/v1.
backend.add(require('@backstage/plugin-mcp-actions-backend'));

backend.start().catch(err => {
  console.error('Backend failed to start', err);
  process.exit(1);
});
