import { Client, type CombinedError, type OperationResult, fetchExchange, useQuery, type AnyVariables } from "urql";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { useMemo } from "react";
import { type IntlShape, useIntl } from "react-intl";
import type { Bridge } from "./bridge";
import type { Refusal } from "./components/common";

/**
 * The urql client for the API URL the Dashboard hands over. The token is read from the
 * bridge on every request, so a `tokenRefresh` applies to the next one. `fetch` is passed
 * explicitly (never a global the SDK guesses). Every page shows what the API says now:
 * no document cache, each query goes to the network.
 */
export function createClient(bridge: Bridge, fetchImpl: typeof fetch): Client {
  return new Client({
    url: bridge.getState().saleorApiUrl,
    fetch: fetchImpl,
    exchanges: [fetchExchange],
    requestPolicy: "network-only",
    preferGetMethod: false,
    fetchOptions: () => {
      const { token } = bridge.getState();
      const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
      return { headers };
    },
  });
}

/** Field errors a page can live with: the rest of the data is sound (a password the
 * configured encryption keys cannot decrypt answers null with this code). */
const TOLERATED_CODES = new Set(["CREDENTIALS_UNAVAILABLE"]);

function isTolerable(error: CombinedError, hasData: boolean): boolean {
  return hasData && !error.networkError && error.graphQLErrors.length > 0 &&
    error.graphQLErrors.every((item) => TOLERATED_CODES.has(String(item.extensions?.code ?? "")));
}

/** What went wrong, as a sentence: the API's own messages, or what the transport said. */
export function errorSentence(intl: IntlShape, error: CombinedError): string {
  if (error.graphQLErrors.length) return error.graphQLErrors.map((item) => item.message).join("; ");
  const status = (error.response as Response | undefined)?.status;
  return status
    ? intl.formatMessage({ id: "error.http" }, { status })
    : intl.formatMessage({ id: "error.network" });
}

export interface PageQuery<Data> {
  data: Data | undefined;
  /** A sentence when the page cannot be shown. */
  error: string | null;
  /** Tolerated field errors that came with `data` (their paths say which fields). */
  fieldErrors: { path?: readonly (string | number)[]; code: string }[];
  fetching: boolean;
  refetch: () => void;
}

/** A page's query through urql, its errors written as sentences. */
export function usePageQuery<Data, Variables extends AnyVariables>(
  query: TypedDocumentNode<Data, Variables>, variables: Variables, pause = false,
): PageQuery<Data> {
  const intl = useIntl();
  const [result, reexecute] = useQuery<Data, Variables>({ query, variables, pause } as never);
  const { data, error, fetching } = result;
  return useMemo(() => {
    const fatal = error && !isTolerable(error, data !== undefined && data !== null);
    return {
      data: fatal ? undefined : (data ?? undefined),
      error: fatal ? errorSentence(intl, error) : null,
      fieldErrors: (error?.graphQLErrors ?? []).map((item) => ({
        path: item.path, code: String(item.extensions?.code ?? ""),
      })),
      fetching,
      refetch: () => reexecute({ requestPolicy: "network-only" }),
    };
  }, [data, error, fetching, intl, reexecute]);
}

/** A mutation's refusals: its typed `errors`, or the transport's failure as one refusal. */
export function refusalsOf<Data extends { result?: { errors: readonly Refusal[] } | null }>(
  intl: IntlShape, outcome: OperationResult<Data>,
): Refusal[] {
  if (outcome.error) return [{ field: null, code: "GRAPHQL_ERROR", message: errorSentence(intl, outcome.error) }];
  return [...(outcome.data?.result?.errors ?? [])];
}
