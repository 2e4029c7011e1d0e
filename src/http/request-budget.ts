// Each HTTP request gets an abort signal: aborted when its time budget is spent or when its client goes away before
// the answer is sent. The database handle of the request stops starting statements then (and on PostgreSQL cancels
// the running ones), so the work of an abandoned or overlong request ends instead of holding the database.
import type { ApolloServerPlugin } from "@apollo/server";
import type { Response } from "express";
import { HubError } from "../shared/errors.js";

export function requestSignal(res: Response, budgetMs: number): AbortSignal {
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort(
      new HubError(
        "REQUEST_TIMEOUT",
        `The request took longer than its budget of ${budgetMs} ms and was stopped; ask for less (smaller pages, fewer fields) or retry later.`,
        { http: { status: 503 } },
      ),
    );
  }, budgetMs);
  timer.unref();
  res.once("close", () => {
    clearTimeout(timer);
    if (!res.writableFinished) {
      controller.abort(new HubError("REQUEST_TIMEOUT", "The client closed the connection before the answer was ready; its work was stopped."));
    }
  });
  return controller.signal;
}

/**
 * A request that ran out of time answers 503 whichever way its work was stopped: a statement cancelled by the hub
 * or by PostgreSQL's statement_timeout (SQLSTATE 57014) arrives as a driver error, not as the signal's reason.
 */
export function requestBudgetPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const errors = response.body.kind === "single" ? response.body.singleResult.errors : undefined;
          if (errors?.some((e) => e.extensions?.code === "REQUEST_TIMEOUT")) response.http.status = 503;
        },
      };
    },
  };
}
