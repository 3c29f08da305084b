import type { Bridge } from "./bridge";

export interface ServiceError {
  field: string | null;
  message: string;
  code: string;
  serviceId?: string | null;
}

export class ApiError extends Error {}

/** An error about one field of an answer that is otherwise good. */
export interface FieldError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string };
}

/** Field errors a page can live with: the rest of the data is sound (a password the
 * configured encryption keys cannot decrypt answers null with this code). */
const TOLERATED_CODES = new Set(["CREDENTIALS_UNAVAILABLE"]);
const tolerated = new WeakMap<object, FieldError[]>();

/** The tolerated field errors that came with `data` (empty for most answers). */
export function fieldErrorsOf(data: object): FieldError[] {
  return tolerated.get(data) ?? [];
}

/**
 * GraphQL against the API URL the Dashboard hands over, with the Dashboard's token.
 * `fetch` is passed explicitly (never a global the SDK guesses).
 */
export function createApi(bridge: Bridge, fetchImpl: typeof fetch) {
  return async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const { token, saleorApiUrl } = bridge.getState();
    const response = await fetchImpl(saleorApiUrl, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    let body: { data?: T; errors?: FieldError[] };
    try {
      body = await response.json();
    } catch {
      throw new ApiError(`The API answered ${response.status} without JSON.`);
    }
    const errors = body.errors ?? [];
    const fatal = errors.filter((error) => !(body.data && TOLERATED_CODES.has(error.extensions?.code ?? "")));
    if (fatal.length) {
      throw new ApiError(fatal.map((error) => error.message).join("; "));
    }
    if (!body.data) {
      throw new ApiError(`The API answered ${response.status} without data.`);
    }
    if (errors.length) tolerated.set(body.data as object, errors);
    return body.data;
  };
}

export type GraphQL = ReturnType<typeof createApi>;
