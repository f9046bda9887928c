import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createContext } from "@/server/api/context";
import { registerNodeTrpcHandler, TRPC_ENDPOINT } from "@/server/api/node-handler";
import { appRouter } from "@/server/api/root";
import { logInternalError } from "@/server/api/trpc-errors";

export const dynamic = "force-dynamic";

// From now on serve.mjs (npm start) answers /api/trpc/ with the same router straight from Node: see node-handler.ts.
registerNodeTrpcHandler();

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: TRPC_ENDPOINT,
    req,
    router: appRouter,
    createContext: () => createContext({ headers: req.headers }),
    onError: ({ error, path }) => logInternalError(error, path),
  });
}

export { handler as GET, handler as POST };
