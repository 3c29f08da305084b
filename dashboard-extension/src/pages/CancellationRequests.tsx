import { Box, Button, Input, Text } from "@saleor/macaw-ui";
import { useCallback, useEffect, useState } from "react";
import type { ServiceError } from "../api";
import { useApp } from "../App";
import { notify } from "../bridge";
import { Confirm, Empty, ErrorList, Failure, Loading, label } from "../components/common";
import { CANCELLATION_COUNTS, CANCELLATION_REQUESTS, CANCELLATION_STATUSES, DECIDE } from "../queries";

interface Request {
  id: string; type: string; status: string; reason: string; effectiveDate: string; createdAt: string;
  service: { id: string; productName: string; domain: string; userEmail: string; status: string };
}

export function CancellationRequests() {
  const { graphql, navigate, bridge } = useApp();
  const [status, setStatus] = useState("PENDING");
  const [requests, setRequests] = useState<Request[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<{ request: Request; kind: "approve" | "reject" } | null>(null);
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<ServiceError[]>([]);
  const [counts, setCounts] = useState<Record<string, number>>({});

  const load = useCallback(async () => {
    setError(null);
    setRequests(null);
    try {
      const data = await graphql<{ serviceCancellationRequests: { edges: { node: Request }[] } }>(
        CANCELLATION_REQUESTS, { filter: { status: [status] } });
      setRequests(data.serviceCancellationRequests.edges.map(({ node }) => node));
      const tabs = await graphql<Record<string, { totalCount: number }>>(CANCELLATION_COUNTS);
      setCounts(Object.fromEntries(Object.entries(tabs).map(([key, value]) => [key, value.totalCount])));
    } catch (failure) {
      setError(String((failure as Error).message));
    }
  }, [graphql, status]);
  useEffect(() => { load(); }, [load]);

  const decide = async () => {
    if (!deciding) return;
    const data = await graphql<{ result: { errors: ServiceError[] } }>(DECIDE[deciding.kind], { id: deciding.request.id, note });
    setErrors(data.result.errors);
    if (!data.result.errors.length) notify(bridge, "success", `Request ${deciding.kind === "approve" ? "approved" : "rejected"}`);
    setDeciding(null);
    setNote("");
    await load();
  };

  return (
    <Box display="flex" flexDirection="column" gap={4}>
      <Box display="flex" gap={1} flexWrap="wrap">
        {CANCELLATION_STATUSES.map((value) => (
          <Button key={value} size="small" variant={status === value ? "primary" : "secondary"} onClick={() => setStatus(value)}
                  data-tab={value}>
            {label(value)}{value in counts ? ` (${counts[value]})` : ""}
          </Button>
        ))}
      </Box>
      <ErrorList errors={errors} />
      {error ? <Failure error={error} retry={load} /> : !requests ? <Loading what="cancellation requests" /> :
        !requests.length ? <Empty title="Nothing to review">No {label(status).toLowerCase()} cancellation request.</Empty> : (
        <Box display="flex" flexDirection="column" gap={2} data-testid="requests">
          {requests.map((request) => (
            <Box key={request.id} data-request={request.id} display="flex" gap={4} alignItems="center" padding={3}
                 borderStyle="solid" borderWidth={1} borderColor="default1" borderRadius={4}>
              <Box display="flex" flexDirection="column" __flexGrow="1">
                <Button variant="tertiary" size="small" onClick={() => navigate(`/services/${encodeURIComponent(request.service.id)}`)}>
                  {request.service.productName} {request.service.domain && `(${request.service.domain})`}
                </Button>
                <Text size={2}>{request.service.userEmail} · {label(request.type)} · effective {request.effectiveDate}</Text>
                <Text size={2} color="default2">“{request.reason}”</Text>
              </Box>
              {request.status === "PENDING" && (
                <Box display="flex" gap={2}>
                  <Button size="small" variant="primary" data-decide="approve" onClick={() => setDeciding({ request, kind: "approve" })}>Approve</Button>
                  <Button size="small" variant="secondary" data-decide="reject" onClick={() => setDeciding({ request, kind: "reject" })}>Reject</Button>
                </Box>
              )}
            </Box>
          ))}
        </Box>
      )}
      <Confirm open={deciding !== null} title={deciding ? `${label(deciding.kind)} this request?` : ""}
               confirmLabel={deciding ? label(deciding.kind) : "OK"} onConfirm={decide} onClose={() => setDeciding(null)}>
        <Input label="Note to the customer" value={note} onChange={(event) => setNote(event.target.value)} />
      </Confirm>
    </Box>
  );
}
