// Preloaded into the E2E app server only (scripts/e2e-server.ts adds it to NODE_OPTIONS; npm start
// never does), so that a test can serve an identity provider under a real provider's host name,
// such as login.microsoftonline.com, from a local port. For the names in the routes file the test
// writes (E2E_TLS_HOST_ROUTES: {"ca": PEM, "ports": {"<host>": <port>}}), a TLS connection to port
// 443 goes to 127.0.0.1:<port> instead and must present a certificate for that name signed by the
// file's test CA: the TLS check is the real one, only the address and the trusted root differ.
// Every other connection is untouched. The app reaches providers through two clients, and both
// open TLS through tls.connect: global fetch (undici: the discovery check) and the https module
// (openid-client: discovery, JWKS and token requests during sign-in).
import fs from "node:fs";
import tls from "node:tls";

const routesFile = process.env.E2E_TLS_HOST_ROUTES;

// Read at every connection: the test writes the file after the server has started.
function readRoutes() {
  try {
    return JSON.parse(fs.readFileSync(routesFile, "utf8"));
  } catch (error) {
    if (error.code === "ENOENT") return null;
    throw error;
  }
}

if (routesFile) {
  const connect = tls.connect;
  tls.connect = function connectThroughTestRoutes(...args) {
    const [options] = args;
    if (
      options &&
      typeof options === "object" &&
      typeof options.host === "string" &&
      Number(options.port ?? 443) === 443
    ) {
      const routes = readRoutes();
      const port = routes?.ports[options.host];
      if (port) {
        args[0] = {
          ...options,
          host: "127.0.0.1",
          port,
          servername: options.servername || options.host,
          ca: [routes.ca],
        };
      }
    }
    return connect.apply(this, args);
  };
}
