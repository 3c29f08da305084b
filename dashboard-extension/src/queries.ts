export const SERVICE_ROW = `
  id productName domain status billingCycle nextDueDate userEmail customerName serverHostname
  recurringAmount { amount currency } plan { id name } cancellationPending
`;

export const SERVICES = `
query Services($first: Int, $last: Int, $after: String, $before: String, $filter: ServiceFilterInput,
               $search: String, $sortBy: ServiceSortingInput) {
  services(first: $first, last: $last, after: $after, before: $before, filter: $filter,
           search: $search, sortBy: $sortBy) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { node { ${SERVICE_ROW} } }
  }
}`;

export const STATUS_COUNTS = `
query StatusCounts {
  all: services(first: 0) { totalCount }
  ACTIVE: services(first: 0, filter: {status: [ACTIVE]}) { totalCount }
  PENDING: services(first: 0, filter: {status: [PENDING]}) { totalCount }
  SUSPENDED: services(first: 0, filter: {status: [SUSPENDED]}) { totalCount }
  PAUSED: services(first: 0, filter: {status: [PAUSED]}) { totalCount }
  CANCELLED: services(first: 0, filter: {status: [CANCELLED]}) { totalCount }
  TERMINATED: services(first: 0, filter: {status: [TERMINATED]}) { totalCount }
  FRAUD: services(first: 0, filter: {status: [FRAUD]}) { totalCount }
  ARCHIVED: services(first: 0, filter: {status: [ARCHIVED]}) { totalCount }
}`;

export const SERVICE_DETAIL = `
query Service($id: ID!) {
  service(id: $id) {
    ${SERVICE_ROW}
    variantName createdAt activatedAt suspendedAt suspensionReason pausedAt resumeOn cancelledAt terminatedAt
    orderId options username packageName password provisioningState provisioningError availableActions
    cancellationRequest { id type status reason effectiveDate }
    renewals { id kind periodStart periodEnd dueDate status amount { amount currency } }
    events { id date type actorType actorEmail oldStatus newStatus reason note }
  }
}`;

export const BULK = {
  suspend: `mutation($ids: [ID!]!) { result: serviceBulkSuspend(ids: $ids, reason: "Suspended by staff") {
    count errors { serviceId field code message } } }`,
  unsuspend: `mutation($ids: [ID!]!) { result: serviceBulkUnsuspend(ids: $ids) {
    count errors { serviceId field code message } } }`,
  terminate: `mutation($ids: [ID!]!) { result: serviceBulkTerminate(ids: $ids, reason: "Terminated by staff") {
    count errors { serviceId field code message } } }`,
};

/** Staff actions by the API's `ServiceAction` value; which ones a service offers now
 * comes from `Service.availableActions` (the server's transition table). */
export const ACTIONS: Record<string, { label: string; mutation: string; destructive?: boolean }> = {
  ACTIVATE: { label: "Activate", mutation: "serviceActivate" },
  SUSPEND: { label: "Suspend", mutation: "serviceSuspend" },
  UNSUSPEND: { label: "Unsuspend", mutation: "serviceUnsuspend" },
  PAUSE: { label: "Pause", mutation: "servicePause" },
  RESUME: { label: "Resume", mutation: "serviceResume" },
  CANCEL: { label: "Cancel", mutation: "serviceCancel" },
  TERMINATE: { label: "Terminate", mutation: "serviceTerminate", destructive: true },
  MARK_FRAUD: { label: "Mark as fraud", mutation: "serviceMarkFraud", destructive: true },
  ARCHIVE: { label: "Archive", mutation: "serviceArchive" },
  REACTIVATE: { label: "Reactivate", mutation: "serviceReactivate" },
};

export const actionMutation = (name: string) =>
  `mutation($id: ID!) { result: ${name}(id: $id) { service { id status } errors { field code message } } }`;

export const CANCELLATION_REQUESTS = `
query CancellationRequests($filter: ServiceCancellationRequestFilterInput, $after: String) {
  serviceCancellationRequests(first: 50, after: $after, filter: $filter,
                              sortBy: {field: CREATED_AT, direction: ASC}) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id type status reason effectiveDate createdAt decisionNote
      service { id productName domain userEmail status } } }
  }
}`;

export const CANCELLATION_STATUSES = ["PENDING", "APPROVED", "REJECTED", "WITHDRAWN", "COMPLETED"] as const;

/** The queue's tab counts, one totalCount per status. */
export const CANCELLATION_COUNTS = `query CancellationCounts {
${CANCELLATION_STATUSES.map((status) =>
  `  ${status}: serviceCancellationRequests(first: 0, filter: {status: [${status}]}) { totalCount }`).join("\n")}
}`;

export const DECIDE = {
  approve: `mutation($id: ID!, $note: String) { result: serviceCancellationRequestApprove(id: $id, note: $note) {
    cancellationRequest { id status } errors { field code message } } }`,
  reject: `mutation($id: ID!, $note: String) { result: serviceCancellationRequestReject(id: $id, note: $note) {
    cancellationRequest { id status } errors { field code message } } }`,
};

export const PLANS = `
query Plans { servicePlans(first: 100, sortBy: {field: NAME, direction: ASC}) {
  totalCount edges { node { id name variantId productId billingCycle allowPause allowCancel
    cancellationMode noticePeriodDays activationMode servicesCount
    prices { channelSlug price { amount currency } } } } } }`;

export const PLAN_CREATE = `mutation($input: ServicePlanCreateInput!) { result: servicePlanCreate(input: $input) {
  servicePlan { id name } errors { field code message } } }`;
export const PLAN_UPDATE = `mutation($id: ID!, $input: ServicePlanUpdateInput!) { result: servicePlanUpdate(id: $id, input: $input) {
  servicePlan { id name } errors { field code message } } }`;
export const PLAN_DELETE = `mutation($id: ID!) { result: servicePlanDelete(id: $id) {
  servicePlan { id } errors { field code message } } }`;

export const CUSTOMER_SERVICES = `
query CustomerServices($customer: ID!) {
  services(first: 20, filter: {includeArchived: true, customers: [$customer]},
           sortBy: {field: CREATED_AT, direction: DESC}) {
    totalCount edges { node { id productName domain status nextDueDate } }
  }
}`;

/** Staff tasks on a service's renewals and provisioning; each returns `errors`. */
export const TASKS = {
  markPaid: `mutation($id: ID!) { result: serviceRenewalMarkPaid(id: $id) { errors { field code message } } }`,
  void: `mutation($id: ID!) { result: serviceRenewalVoid(id: $id, reason: "Voided by staff") {
    errors { field code message } } }`,
  retryProvisioning: `mutation($id: ID!) { result: serviceProvisioningRetry(id: $id) { errors { field code message } } }`,
};

export const AUTOMATION_PREVIEW = `
query AutomationPreview($date: Date) {
  serviceAutomationPreview(date: $date) {
    step count services { id productName domain status nextDueDate userEmail }
  }
}`;

export const FAILED_EMAILS = `
query FailedEmails {
  serviceFailedEmails(first: 100) {
    id eventType date recipient attempts error service { id productName domain }
  }
}`;

export const EMAIL_RETRY = `
mutation EmailRetry($id: ID!) { serviceEmailRetry(id: $id) { errors { field code message } } }`;
