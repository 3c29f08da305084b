import { Box, Button, Input, Text } from "@saleor/macaw-ui";
import { useState } from "react";
import { useIntl } from "react-intl";
import { useApp } from "../App";
import { usePageQuery } from "../client";
import { Empty, Failure, Loading, StatusBadge } from "../components/common";
import { AutomationPreviewQuery } from "../queries";

/** What the nightly run would do (serviceAutomationPreview): per step, a count and its services. */
export function Automation() {
  const { navigate } = useApp();
  const intl = useIntl();
  const [date, setDate] = useState("");
  const [open, setOpen] = useState<string | null>(null);
  const { data, error, fetching, refetch: load } = usePageQuery(AutomationPreviewQuery, { date: date || null });
  const steps = fetching ? undefined : data?.serviceAutomationPreview;

  const stepName = (step: string) => intl.messages[`automation.${step}`]
    ? intl.formatMessage({ id: `automation.${step}` }) : step;
  const total = steps?.reduce((sum, step) => sum + step.count, 0) ?? 0;

  return (
    <Box display="flex" flexDirection="column" gap={4} data-testid="automation">
      <Box display="flex" gap={4} alignItems="flex-end" flexWrap="wrap">
        <Text size={6} fontWeight="bold">{intl.formatMessage({ id: "automation.title" })}</Text>
        <Box __width="200px">
          <Input type="date" label={intl.formatMessage({ id: "automation.date" })} value={date}
                 data-testid="automation-date" onChange={(event) => setDate(event.target.value)} />
        </Box>
      </Box>
      {error ? <Failure error={error} retry={load} /> : !steps ? <Loading text={intl.formatMessage({ id: "state.loading" })} /> :
        !total ? (
          <Empty title={intl.formatMessage({ id: "automation.nothing" })}>
            {intl.formatMessage({ id: "automation.nothingHint" })}
          </Empty>
        ) : (
          <Box display="flex" flexDirection="column" gap={2}>
            {steps.map((step) => (
              <Box key={step.step} data-step={step.step} display="flex" flexDirection="column" gap={2} padding={3}
                   borderStyle="solid" borderWidth={1} borderColor="default1" borderRadius={4}>
                <Box display="flex" gap={3} alignItems="center" flexWrap="wrap">
                  <Text fontWeight="bold" __minWidth="260px">{stepName(step.step)}</Text>
                  <Text size={2} data-count={step.count}>
                    {intl.formatMessage({ id: "widget.count" }, { count: step.count })}
                  </Text>
                  {step.count > 0 && (
                    <Button size="small" variant="tertiary" onClick={() => setOpen(open === step.step ? null : step.step)}>
                      {intl.formatMessage({ id: open === step.step ? "automation.hide" : "automation.show" })}
                    </Button>
                  )}
                </Box>
                {open === step.step && step.services.map((service) => (
                  <Box key={service.id} display="flex" gap={3} alignItems="center" flexWrap="wrap" data-step-service={service.id}>
                    <Button size="small" variant="tertiary" onClick={() => navigate(`/services/${encodeURIComponent(service.id)}`)}>
                      {service.productName}
                    </Button>
                    <Text size={2}>{service.domain || "—"}</Text>
                    <Text size={2} color="default2">{service.userEmail}</Text>
                    <Text size={2} __whiteSpace="nowrap">{service.nextDueDate ?? "—"}</Text>
                    <StatusBadge status={service.status} />
                  </Box>
                ))}
              </Box>
            ))}
          </Box>
        )}
    </Box>
  );
}
