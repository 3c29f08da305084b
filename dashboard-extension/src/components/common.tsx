import { Box, Button, Modal, Spinner, Text } from "@saleor/macaw-ui";
import type { ReactNode } from "react";

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

export function StatusBadge({ status }: { status: string }) {
  return (
    <Text size={2} fontWeight="medium" color={STATUS_COLORS[status] ?? "default1"} data-status={status}>
      ● {label(status)}
    </Text>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <Box display="flex" gap={3} alignItems="center" padding={6} data-testid="loading">
      <Spinner />
      <Text color="default2">Loading {what}…</Text>
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
  return (
    <Box padding={6} display="flex" flexDirection="column" gap={3} borderColor="critical1"
         borderStyle="solid" borderWidth={1} borderRadius={4} data-testid="error">
      <Text color="critical1" fontWeight="bold">Something went wrong</Text>
      <Text>{error}</Text>
      {retry && <Box><Button variant="secondary" onClick={retry}>Try again</Button></Box>}
    </Box>
  );
}

export function ErrorList({ errors }: { errors: { field: string | null; code: string; message: string; serviceId?: string | null }[] }) {
  if (!errors.length) return null;
  return (
    <Box display="flex" flexDirection="column" gap={1} data-testid="typed-errors">
      {errors.map((error, index) => (
        <Text key={index} color="critical1" size={2} data-code={error.code}>
          {error.code}: {error.message}
          {error.serviceId ? ` (${error.serviceId})` : ""}
        </Text>
      ))}
    </Box>
  );
}

export function Confirm({ open, title, children, confirmLabel, onConfirm, onClose, busy }: {
  open: boolean; title: string; children?: ReactNode; confirmLabel: string;
  onConfirm: () => void; onClose: () => void; busy?: boolean;
}) {
  return (
    <Modal open={open} onChange={(value) => !value && onClose()}>
      <Modal.Content>
        <Box backgroundColor="default1" padding={6} borderRadius={4} boxShadow="defaultModal"
             display="flex" flexDirection="column" gap={4} __maxWidth="480px" __margin="15vh auto"
             role="dialog" aria-label={title}>
          <Text size={6} fontWeight="bold">{title}</Text>
          {children}
          <Box display="flex" gap={2} justifyContent="flex-end">
            <Button variant="secondary" onClick={onClose}>Back</Button>
            <Button variant="primary" onClick={onConfirm} disabled={busy}>{confirmLabel}</Button>
          </Box>
        </Box>
      </Modal.Content>
    </Modal>
  );
}

export function Money({ value }: { value: { amount: number; currency: string } }) {
  return <>{new Intl.NumberFormat(undefined, { style: "currency", currency: value.currency }).format(value.amount)}</>;
}
