import type { Bridge } from "./bridge";

export interface ServiceError {
  field: string | null;
  message: string;
  code: string;
  serviceId?: string | null;
}

export class ApiError extends Error {}

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
    let body: { data?: T; errors?: { message: string }[] };
    try {
      body = await response.json();
    } catch {
      throw new ApiError(`The API answered ${response.status} without JSON.`);
    }
    if (body.errors?.length) {
      throw new ApiError(body.errors.map((error) => error.message).join("; "));
    }
    if (!body.data) {
      throw new ApiError(`The API answered ${response.status} without data.`);
    }
    return body.data;
  };
}

export type GraphQL = ReturnType<typeof createApi>;
