import { Box, Button, Modal, Spinner, Text } from "@saleor/macaw-ui";
import type { ReactNode } from "react";
import { type IntlShape, useIntl } from "react-intl";

const STATUS_COLORS: Record<string, "success1" | "warning1" | "critical1" | "info1" | "default2"> = {
  ACTIVE: "success1",
  PENDING: "info1",
  SUSPENDED: "warning1",
  PAUSED: "info1",
  CANCELLED: "default2",
  TERMINATED: "critical1",
  FRAUD: "critical1",
  ARCHIVED: "default2",
};

export const STATUSES = ["ACTIVE", "PENDING", "SUSPENDED", "PAUSED", "CANCELLED", "TERMINATED", "FRAUD", "ARCHIVED"];

export const label = (value: string) =>
  value.charAt(0).toUpperCase() + value.slice(1).toLowerCase().replace(/_/g, " ");

/** A status in the Dashboard's language, lower case for use inside a sentence. */
export function statusName(intl: IntlShape, status: string): string {
  const id = `status.${status}`;
  return intl.messages[id] ? intl.formatMessage({ id }) : label(status).toLowerCase();
}

export function StatusBadge({ status }: { status: string }) {
  const name = statusName(useIntl(), status);
  return (
    <Text size={2} fontWeight="medium" color={STATUS_COLORS[status] ?? "default1"} data-status={status}>
      ● {name.charAt(0).toUpperCase() + name.slice(1)}
    </Text>
  );
}

export function Loading({ text }: { text?: string }) {
  const intl = useIntl();
  return (
    <Box display="flex" gap={3} alignItems="center" padding={6} data-testid="loading">
      <Spinner />
      <Text color="default2">{text ?? intl.formatMessage({ id: "state.loading" })}</Text>
    </Box>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Box padding={8} display="flex" flexDirection="column" alignItems="center" gap={2} data-testid="empty">
      <Text size={5} fontWeight="bold">{title}</Text>
      {children && <Text color="default2">{children}</Text>}
    </Box>
  );
}

export function Failure({ error, retry }: { error: string; retry?: () => void }) {
  const intl = useIntl();
  return (
    <Box padding={6} display="flex" flexDirection="column" gap={3} borderColor="critical1"
         borderStyle="solid" borderWidth={1} borderRadius={4} data-testid="error">
      <Text color="critical1" fontWeight="bold">{intl.formatMessage({ id: "state.failed" })}</Text>
      <Text>{error}</Text>
      {retry && <Box><Button variant="secondary" onClick={retry}>{intl.formatMessage({ id: "state.retry" })}</Button></Box>}
    </Box>
  );
}

export interface Refusal {
  field?: string | null; code: string; message?: string | null; serviceId?: string | null;
}

/** A refusal as a sentence in the Dashboard's language; the server's own sentence (English)
 * only for codes without one. `status` is the service's status when the page knows it. */
export function refusalSentence(intl: IntlShape, error: Refusal, status?: string): string {
  const bulk = Boolean(error.serviceId);
  let sentence: string;
  if (error.code === "INVALID_TRANSITION" && (bulk || !status)) {
    sentence = intl.formatMessage({ id: "refusal.INVALID_TRANSITION.bulk" });
  } else if (error.code === "INVALID_TRANSITION") {
    sentence = intl.formatMessage({ id: "refusal.INVALID_TRANSITION" }, { status: statusName(intl, status!) });
  } else if (intl.messages[`refusal.${error.code}`] && error.code !== "INVALID" && error.code !== "GRAPHQL_ERROR") {
    sentence = intl.formatMessage({ id: `refusal.${error.code}` });
  } else {
    sentence = intl.formatMessage({ id: "refusal.other" }, { message: error.message ?? error.code });
  }
  return bulk ? intl.formatMessage({ id: "refusal.service" }, { id: error.serviceId, sentence }) : sentence;
}

export function ErrorList({ errors, status }: { errors: Refusal[]; status?: string }) {
  const intl = useIntl();
  if (!errors.length) return null;
  return (
    <Box display="flex" flexDirection="column" gap={1} data-testid="typed-errors" role="alert">
      {errors.map((error, index) => (
        <Text key={index} color="critical1" size={2} data-code={error.code}>
          {refusalSentence(intl, error, status)}
        </Text>
      ))}
    </Box>
  );
}

export function Confirm({ open, title, children, confirmLabel, onConfirm, onClose, busy, destructive }: {
  open: boolean; title: string; children?: ReactNode; confirmLabel: string;
  onConfirm: () => void; onClose: () => void; busy?: boolean; destructive?: boolean;
}) {
  const intl = useIntl();
  return (
    <Modal open={open} onChange={(value) => !value && onClose()}>
      <Modal.Content>
        <Box backgroundColor="default1" padding={6} borderRadius={4} boxShadow="defaultModal"
             display="flex" flexDirection="column" gap={4} __maxWidth="480px" __margin="15vh auto"
             role="dialog" aria-label={title}>
          <Text size={6} fontWeight="bold">{title}</Text>
          {children}
          <Box display="flex" gap={2} justifyContent="flex-end">
            <Button variant="secondary" onClick={onClose}>{intl.formatMessage({ id: "confirm.back" })}</Button>
            <Button variant={destructive && !busy ? "error" : "primary"} onClick={onConfirm} disabled={busy}>{confirmLabel}</Button>
          </Box>
        </Box>
      </Modal.Content>
    </Modal>
  );
}

export function Money({ value }: { value: { amount: number; currency: string } }) {
  return <>{new Intl.NumberFormat(undefined, { style: "currency", currency: value.currency }).format(value.amount)}</>;
}
