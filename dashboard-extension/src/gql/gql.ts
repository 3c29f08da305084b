/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment ServiceRow on Service {\n    id productName domain status nextDueDate userEmail customerName serverHostname\n    recurringAmount { amount currency } cancellationPending\n  }\n": typeof types.ServiceRowFragmentDoc,
    "\n  query Services($first: Int, $last: Int, $after: String, $before: String, $filter: ServiceFilterInput,\n                 $search: String, $sortBy: ServiceSortingInput) {\n    services(first: $first, last: $last, after: $after, before: $before, filter: $filter,\n             search: $search, sortBy: $sortBy) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { node { ...ServiceRow } }\n    }\n  }\n": typeof types.ServicesDocument,
    "\n  query StatusCounts {\n    all: services(first: 0) { totalCount }\n    ACTIVE: services(first: 0, filter: {status: [ACTIVE]}) { totalCount }\n    PENDING: services(first: 0, filter: {status: [PENDING]}) { totalCount }\n    SUSPENDED: services(first: 0, filter: {status: [SUSPENDED]}) { totalCount }\n    PAUSED: services(first: 0, filter: {status: [PAUSED]}) { totalCount }\n    CANCELLED: services(first: 0, filter: {status: [CANCELLED]}) { totalCount }\n    TERMINATED: services(first: 0, filter: {status: [TERMINATED]}) { totalCount }\n    FRAUD: services(first: 0, filter: {status: [FRAUD]}) { totalCount }\n    ARCHIVED: services(first: 0, filter: {status: [ARCHIVED]}) { totalCount }\n  }\n": typeof types.StatusCountsDocument,
    "\n  query Service($id: ID!) {\n    service(id: $id) {\n      ...ServiceRow\n      billingCycle variantName createdAt activatedAt suspendedAt suspensionReason pausedAt resumeOn cancelledAt terminatedAt\n      orderId options username packageName password provisioningState provisioningError availableActions\n      plan { id name changeTargets { id name } }\n      pendingPlan { id name }\n      cancellationRequest { id type status reason effectiveDate }\n      renewals { id kind periodStart periodEnd dueDate status amount { amount currency } }\n      events { id date type actorType actorEmail oldStatus newStatus reason note }\n    }\n  }\n": typeof types.ServiceDocument,
    "\n  mutation ServiceUpdate($id: ID!, $input: ServiceUpdateInput!) {\n    result: serviceUpdate(id: $id, input: $input) {\n      service { id } errors { field code message }\n    }\n  }\n": typeof types.ServiceUpdateDocument,
    "\n  query ChangePlanPreview($id: ID!, $planId: ID!) {\n    serviceChangePlanPreview(id: $id, planId: $planId) {\n      targetPlan { id name }\n      currentAmount { amount currency } newAmount { amount currency } proratedAmount { amount currency }\n      periodStart periodEnd daysLeft daysInPeriod isUpgrade\n    }\n  }\n": typeof types.ChangePlanPreviewDocument,
    "\n  mutation ChangePlan($id: ID!, $planId: ID!) {\n    result: serviceChangePlan(id: $id, planId: $planId) {\n      service { id } errors { field code message }\n    }\n  }\n": typeof types.ChangePlanDocument,
    "\n  mutation BulkSuspend($ids: [ID!]!) {\n    result: serviceBulkSuspend(ids: $ids, reason: \"Suspended by staff\") { count errors { serviceId field code message } }\n  }\n": typeof types.BulkSuspendDocument,
    "\n  mutation BulkUnsuspend($ids: [ID!]!) {\n    result: serviceBulkUnsuspend(ids: $ids) { count errors { serviceId field code message } }\n  }\n": typeof types.BulkUnsuspendDocument,
    "\n  mutation BulkTerminate($ids: [ID!]!) {\n    result: serviceBulkTerminate(ids: $ids, reason: \"Terminated by staff\") { count errors { serviceId field code message } }\n  }\n": typeof types.BulkTerminateDocument,
    "\n  mutation Activate($id: ID!) { result: serviceActivate(id: $id) { service { id status } errors { field code message } } }\n": typeof types.ActivateDocument,
    "\n  mutation Suspend($id: ID!) { result: serviceSuspend(id: $id) { service { id status } errors { field code message } } }\n": typeof types.SuspendDocument,
    "\n  mutation Unsuspend($id: ID!) { result: serviceUnsuspend(id: $id) { service { id status } errors { field code message } } }\n": typeof types.UnsuspendDocument,
    "\n  mutation Pause($id: ID!) { result: servicePause(id: $id) { service { id status } errors { field code message } } }\n": typeof types.PauseDocument,
    "\n  mutation Resume($id: ID!) { result: serviceResume(id: $id) { service { id status } errors { field code message } } }\n": typeof types.ResumeDocument,
    "\n  mutation Cancel($id: ID!) { result: serviceCancel(id: $id) { service { id status } errors { field code message } } }\n": typeof types.CancelDocument,
    "\n  mutation Terminate($id: ID!) { result: serviceTerminate(id: $id) { service { id status } errors { field code message } } }\n": typeof types.TerminateDocument,
    "\n  mutation MarkFraud($id: ID!) { result: serviceMarkFraud(id: $id) { service { id status } errors { field code message } } }\n": typeof types.MarkFraudDocument,
    "\n  mutation Archive($id: ID!) { result: serviceArchive(id: $id) { service { id status } errors { field code message } } }\n": typeof types.ArchiveDocument,
    "\n  mutation Reactivate($id: ID!) { result: serviceReactivate(id: $id) { service { id status } errors { field code message } } }\n": typeof types.ReactivateDocument,
    "\n  query CancellationRequests($filter: ServiceCancellationRequestFilterInput, $after: String) {\n    serviceCancellationRequests(first: 50, after: $after, filter: $filter,\n                                sortBy: {field: CREATED_AT, direction: ASC}) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id type status reason effectiveDate createdAt decisionNote\n        service { id productName domain userEmail status } } }\n    }\n  }\n": typeof types.CancellationRequestsDocument,
    "\n  query CancellationCounts {\n    PENDING: serviceCancellationRequests(first: 0, filter: {status: [PENDING]}) { totalCount }\n    APPROVED: serviceCancellationRequests(first: 0, filter: {status: [APPROVED]}) { totalCount }\n    REJECTED: serviceCancellationRequests(first: 0, filter: {status: [REJECTED]}) { totalCount }\n    WITHDRAWN: serviceCancellationRequests(first: 0, filter: {status: [WITHDRAWN]}) { totalCount }\n    COMPLETED: serviceCancellationRequests(first: 0, filter: {status: [COMPLETED]}) { totalCount }\n  }\n": typeof types.CancellationCountsDocument,
    "\n  mutation Approve($id: ID!, $note: String) {\n    result: serviceCancellationRequestApprove(id: $id, note: $note) { cancellationRequest { id status } errors { field code message } }\n  }\n": typeof types.ApproveDocument,
    "\n  mutation Reject($id: ID!, $note: String) {\n    result: serviceCancellationRequestReject(id: $id, note: $note) { cancellationRequest { id status } errors { field code message } }\n  }\n": typeof types.RejectDocument,
    "\n  fragment PlanFields on ServicePlan {\n    id name variantId productId productName variantName billingCycle allowPause allowCancel allowReactivation\n    cancellationMode noticePeriodDays activationMode servicesCount automationOverrides\n    changeTargets { id name }\n    price { amount currency }\n    prices { channelSlug price { amount currency } }\n  }\n": typeof types.PlanFieldsFragmentDoc,
    "\n  query Plans {\n    servicePlans(first: 100, sortBy: {field: NAME, direction: ASC}) {\n      totalCount edges { node { ...PlanFields } }\n    }\n  }\n": typeof types.PlansDocument,
    "\n  query CatalogueVariants($search: String, $first: Int) {\n    serviceCatalogueVariants(search: $search, first: $first) {\n      id productId productName name sku\n      prices { channelSlug price { amount currency } }\n      plan { id name variantId }\n    }\n  }\n": typeof types.CatalogueVariantsDocument,
    "\n  query PlanNames {\n    servicePlans(first: 100, sortBy: {field: NAME, direction: ASC}) { edges { node { id name } } }\n  }\n": typeof types.PlanNamesDocument,
    "\n  mutation PlanCreate($input: ServicePlanCreateInput!) {\n    result: servicePlanCreate(input: $input) { servicePlan { id name } errors { field code message } }\n  }\n": typeof types.PlanCreateDocument,
    "\n  mutation PlanUpdate($id: ID!, $input: ServicePlanUpdateInput!) {\n    result: servicePlanUpdate(id: $id, input: $input) { servicePlan { id name } errors { field code message } }\n  }\n": typeof types.PlanUpdateDocument,
    "\n  mutation PlanDelete($id: ID!) {\n    result: servicePlanDelete(id: $id) { servicePlan { id } errors { field code message } }\n  }\n": typeof types.PlanDeleteDocument,
    "\n  query CustomerServices($customer: ID!) {\n    services(first: 20, filter: {includeArchived: true, customers: [$customer]},\n             sortBy: {field: CREATED_AT, direction: DESC}) {\n      totalCount edges { node { id productName domain status nextDueDate } }\n    }\n  }\n": typeof types.CustomerServicesDocument,
    "\n    mutation RenewalMarkPaid($id: ID!) { result: serviceRenewalMarkPaid(id: $id) { errors { field code message } } }\n  ": typeof types.RenewalMarkPaidDocument,
    "\n    mutation RenewalVoid($id: ID!) {\n      result: serviceRenewalVoid(id: $id, reason: \"Voided by staff\") { errors { field code message } }\n    }\n  ": typeof types.RenewalVoidDocument,
    "\n    mutation ProvisioningRetry($id: ID!) { result: serviceProvisioningRetry(id: $id) { errors { field code message } } }\n  ": typeof types.ProvisioningRetryDocument,
    "\n  query AutomationPreview($date: Date) {\n    serviceAutomationPreview(date: $date) {\n      step count services { id productName domain status nextDueDate userEmail }\n    }\n  }\n": typeof types.AutomationPreviewDocument,
    "\n  query FailedEmails {\n    serviceFailedEmails(first: 100) {\n      id eventType date recipient attempts error service { id productName domain }\n    }\n  }\n": typeof types.FailedEmailsDocument,
    "\n  mutation EmailRetry($id: ID!) { result: serviceEmailRetry(id: $id) { errors { field code message } } }\n": typeof types.EmailRetryDocument,
};
const documents: Documents = {
    "\n  fragment ServiceRow on Service {\n    id productName domain status nextDueDate userEmail customerName serverHostname\n    recurringAmount { amount currency } cancellationPending\n  }\n": types.ServiceRowFragmentDoc,
    "\n  query Services($first: Int, $last: Int, $after: String, $before: String, $filter: ServiceFilterInput,\n                 $search: String, $sortBy: ServiceSortingInput) {\n    services(first: $first, last: $last, after: $after, before: $before, filter: $filter,\n             search: $search, sortBy: $sortBy) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { node { ...ServiceRow } }\n    }\n  }\n": types.ServicesDocument,
    "\n  query StatusCounts {\n    all: services(first: 0) { totalCount }\n    ACTIVE: services(first: 0, filter: {status: [ACTIVE]}) { totalCount }\n    PENDING: services(first: 0, filter: {status: [PENDING]}) { totalCount }\n    SUSPENDED: services(first: 0, filter: {status: [SUSPENDED]}) { totalCount }\n    PAUSED: services(first: 0, filter: {status: [PAUSED]}) { totalCount }\n    CANCELLED: services(first: 0, filter: {status: [CANCELLED]}) { totalCount }\n    TERMINATED: services(first: 0, filter: {status: [TERMINATED]}) { totalCount }\n    FRAUD: services(first: 0, filter: {status: [FRAUD]}) { totalCount }\n    ARCHIVED: services(first: 0, filter: {status: [ARCHIVED]}) { totalCount }\n  }\n": types.StatusCountsDocument,
    "\n  query Service($id: ID!) {\n    service(id: $id) {\n      ...ServiceRow\n      billingCycle variantName createdAt activatedAt suspendedAt suspensionReason pausedAt resumeOn cancelledAt terminatedAt\n      orderId options username packageName password provisioningState provisioningError availableActions\n      plan { id name changeTargets { id name } }\n      pendingPlan { id name }\n      cancellationRequest { id type status reason effectiveDate }\n      renewals { id kind periodStart periodEnd dueDate status amount { amount currency } }\n      events { id date type actorType actorEmail oldStatus newStatus reason note }\n    }\n  }\n": types.ServiceDocument,
    "\n  mutation ServiceUpdate($id: ID!, $input: ServiceUpdateInput!) {\n    result: serviceUpdate(id: $id, input: $input) {\n      service { id } errors { field code message }\n    }\n  }\n": types.ServiceUpdateDocument,
    "\n  query ChangePlanPreview($id: ID!, $planId: ID!) {\n    serviceChangePlanPreview(id: $id, planId: $planId) {\n      targetPlan { id name }\n      currentAmount { amount currency } newAmount { amount currency } proratedAmount { amount currency }\n      periodStart periodEnd daysLeft daysInPeriod isUpgrade\n    }\n  }\n": types.ChangePlanPreviewDocument,
    "\n  mutation ChangePlan($id: ID!, $planId: ID!) {\n    result: serviceChangePlan(id: $id, planId: $planId) {\n      service { id } errors { field code message }\n    }\n  }\n": types.ChangePlanDocument,
    "\n  mutation BulkSuspend($ids: [ID!]!) {\n    result: serviceBulkSuspend(ids: $ids, reason: \"Suspended by staff\") { count errors { serviceId field code message } }\n  }\n": types.BulkSuspendDocument,
    "\n  mutation BulkUnsuspend($ids: [ID!]!) {\n    result: serviceBulkUnsuspend(ids: $ids) { count errors { serviceId field code message } }\n  }\n": types.BulkUnsuspendDocument,
    "\n  mutation BulkTerminate($ids: [ID!]!) {\n    result: serviceBulkTerminate(ids: $ids, reason: \"Terminated by staff\") { count errors { serviceId field code message } }\n  }\n": types.BulkTerminateDocument,
    "\n  mutation Activate($id: ID!) { result: serviceActivate(id: $id) { service { id status } errors { field code message } } }\n": types.ActivateDocument,
    "\n  mutation Suspend($id: ID!) { result: serviceSuspend(id: $id) { service { id status } errors { field code message } } }\n": types.SuspendDocument,
    "\n  mutation Unsuspend($id: ID!) { result: serviceUnsuspend(id: $id) { service { id status } errors { field code message } } }\n": types.UnsuspendDocument,
    "\n  mutation Pause($id: ID!) { result: servicePause(id: $id) { service { id status } errors { field code message } } }\n": types.PauseDocument,
    "\n  mutation Resume($id: ID!) { result: serviceResume(id: $id) { service { id status } errors { field code message } } }\n": types.ResumeDocument,
    "\n  mutation Cancel($id: ID!) { result: serviceCancel(id: $id) { service { id status } errors { field code message } } }\n": types.CancelDocument,
    "\n  mutation Terminate($id: ID!) { result: serviceTerminate(id: $id) { service { id status } errors { field code message } } }\n": types.TerminateDocument,
    "\n  mutation MarkFraud($id: ID!) { result: serviceMarkFraud(id: $id) { service { id status } errors { field code message } } }\n": types.MarkFraudDocument,
    "\n  mutation Archive($id: ID!) { result: serviceArchive(id: $id) { service { id status } errors { field code message } } }\n": types.ArchiveDocument,
    "\n  mutation Reactivate($id: ID!) { result: serviceReactivate(id: $id) { service { id status } errors { field code message } } }\n": types.ReactivateDocument,
    "\n  query CancellationRequests($filter: ServiceCancellationRequestFilterInput, $after: String) {\n    serviceCancellationRequests(first: 50, after: $after, filter: $filter,\n                                sortBy: {field: CREATED_AT, direction: ASC}) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id type status reason effectiveDate createdAt decisionNote\n        service { id productName domain userEmail status } } }\n    }\n  }\n": types.CancellationRequestsDocument,
    "\n  query CancellationCounts {\n    PENDING: serviceCancellationRequests(first: 0, filter: {status: [PENDING]}) { totalCount }\n    APPROVED: serviceCancellationRequests(first: 0, filter: {status: [APPROVED]}) { totalCount }\n    REJECTED: serviceCancellationRequests(first: 0, filter: {status: [REJECTED]}) { totalCount }\n    WITHDRAWN: serviceCancellationRequests(first: 0, filter: {status: [WITHDRAWN]}) { totalCount }\n    COMPLETED: serviceCancellationRequests(first: 0, filter: {status: [COMPLETED]}) { totalCount }\n  }\n": types.CancellationCountsDocument,
    "\n  mutation Approve($id: ID!, $note: String) {\n    result: serviceCancellationRequestApprove(id: $id, note: $note) { cancellationRequest { id status } errors { field code message } }\n  }\n": types.ApproveDocument,
    "\n  mutation Reject($id: ID!, $note: String) {\n    result: serviceCancellationRequestReject(id: $id, note: $note) { cancellationRequest { id status } errors { field code message } }\n  }\n": types.RejectDocument,
    "\n  fragment PlanFields on ServicePlan {\n    id name variantId productId productName variantName billingCycle allowPause allowCancel allowReactivation\n    cancellationMode noticePeriodDays activationMode servicesCount automationOverrides\n    changeTargets { id name }\n    price { amount currency }\n    prices { channelSlug price { amount currency } }\n  }\n": types.PlanFieldsFragmentDoc,
    "\n  query Plans {\n    servicePlans(first: 100, sortBy: {field: NAME, direction: ASC}) {\n      totalCount edges { node { ...PlanFields } }\n    }\n  }\n": types.PlansDocument,
    "\n  query CatalogueVariants($search: String, $first: Int) {\n    serviceCatalogueVariants(search: $search, first: $first) {\n      id productId productName name sku\n      prices { channelSlug price { amount currency } }\n      plan { id name variantId }\n    }\n  }\n": types.CatalogueVariantsDocument,
    "\n  query PlanNames {\n    servicePlans(first: 100, sortBy: {field: NAME, direction: ASC}) { edges { node { id name } } }\n  }\n": types.PlanNamesDocument,
    "\n  mutation PlanCreate($input: ServicePlanCreateInput!) {\n    result: servicePlanCreate(input: $input) { servicePlan { id name } errors { field code message } }\n  }\n": types.PlanCreateDocument,
    "\n  mutation PlanUpdate($id: ID!, $input: ServicePlanUpdateInput!) {\n    result: servicePlanUpdate(id: $id, input: $input) { servicePlan { id name } errors { field code message } }\n  }\n": types.PlanUpdateDocument,
    "\n  mutation PlanDelete($id: ID!) {\n    result: servicePlanDelete(id: $id) { servicePlan { id } errors { field code message } }\n  }\n": types.PlanDeleteDocument,
    "\n  query CustomerServices($customer: ID!) {\n    services(first: 20, filter: {includeArchived: true, customers: [$customer]},\n             sortBy: {field: CREATED_AT, direction: DESC}) {\n      totalCount edges { node { id productName domain status nextDueDate } }\n    }\n  }\n": types.CustomerServicesDocument,
    "\n    mutation RenewalMarkPaid($id: ID!) { result: serviceRenewalMarkPaid(id: $id) { errors { field code message } } }\n  ": types.RenewalMarkPaidDocument,
    "\n    mutation RenewalVoid($id: ID!) {\n      result: serviceRenewalVoid(id: $id, reason: \"Voided by staff\") { errors { field code message } }\n    }\n  ": types.RenewalVoidDocument,
    "\n    mutation ProvisioningRetry($id: ID!) { result: serviceProvisioningRetry(id: $id) { errors { field code message } } }\n  ": types.ProvisioningRetryDocument,
    "\n  query AutomationPreview($date: Date) {\n    serviceAutomationPreview(date: $date) {\n      step count services { id productName domain status nextDueDate userEmail }\n    }\n  }\n": types.AutomationPreviewDocument,
    "\n  query FailedEmails {\n    serviceFailedEmails(first: 100) {\n      id eventType date recipient attempts error service { id productName domain }\n    }\n  }\n": types.FailedEmailsDocument,
    "\n  mutation EmailRetry($id: ID!) { result: serviceEmailRetry(id: $id) { errors { field code message } } }\n": types.EmailRetryDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ServiceRow on Service {\n    id productName domain status nextDueDate userEmail customerName serverHostname\n    recurringAmount { amount currency } cancellationPending\n  }\n"): (typeof documents)["\n  fragment ServiceRow on Service {\n    id productName domain status nextDueDate userEmail customerName serverHostname\n    recurringAmount { amount currency } cancellationPending\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Services($first: Int, $last: Int, $after: String, $before: String, $filter: ServiceFilterInput,\n                 $search: String, $sortBy: ServiceSortingInput) {\n    services(first: $first, last: $last, after: $after, before: $before, filter: $filter,\n             search: $search, sortBy: $sortBy) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { node { ...ServiceRow } }\n    }\n  }\n"): (typeof documents)["\n  query Services($first: Int, $last: Int, $after: String, $before: String, $filter: ServiceFilterInput,\n                 $search: String, $sortBy: ServiceSortingInput) {\n    services(first: $first, last: $last, after: $after, before: $before, filter: $filter,\n             search: $search, sortBy: $sortBy) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { node { ...ServiceRow } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StatusCounts {\n    all: services(first: 0) { totalCount }\n    ACTIVE: services(first: 0, filter: {status: [ACTIVE]}) { totalCount }\n    PENDING: services(first: 0, filter: {status: [PENDING]}) { totalCount }\n    SUSPENDED: services(first: 0, filter: {status: [SUSPENDED]}) { totalCount }\n    PAUSED: services(first: 0, filter: {status: [PAUSED]}) { totalCount }\n    CANCELLED: services(first: 0, filter: {status: [CANCELLED]}) { totalCount }\n    TERMINATED: services(first: 0, filter: {status: [TERMINATED]}) { totalCount }\n    FRAUD: services(first: 0, filter: {status: [FRAUD]}) { totalCount }\n    ARCHIVED: services(first: 0, filter: {status: [ARCHIVED]}) { totalCount }\n  }\n"): (typeof documents)["\n  query StatusCounts {\n    all: services(first: 0) { totalCount }\n    ACTIVE: services(first: 0, filter: {status: [ACTIVE]}) { totalCount }\n    PENDING: services(first: 0, filter: {status: [PENDING]}) { totalCount }\n    SUSPENDED: services(first: 0, filter: {status: [SUSPENDED]}) { totalCount }\n    PAUSED: services(first: 0, filter: {status: [PAUSED]}) { totalCount }\n    CANCELLED: services(first: 0, filter: {status: [CANCELLED]}) { totalCount }\n    TERMINATED: services(first: 0, filter: {status: [TERMINATED]}) { totalCount }\n    FRAUD: services(first: 0, filter: {status: [FRAUD]}) { totalCount }\n    ARCHIVED: services(first: 0, filter: {status: [ARCHIVED]}) { totalCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Service($id: ID!) {\n    service(id: $id) {\n      ...ServiceRow\n      billingCycle variantName createdAt activatedAt suspendedAt suspensionReason pausedAt resumeOn cancelledAt terminatedAt\n      orderId options username packageName password provisioningState provisioningError availableActions\n      plan { id name changeTargets { id name } }\n      pendingPlan { id name }\n      cancellationRequest { id type status reason effectiveDate }\n      renewals { id kind periodStart periodEnd dueDate status amount { amount currency } }\n      events { id date type actorType actorEmail oldStatus newStatus reason note }\n    }\n  }\n"): (typeof documents)["\n  query Service($id: ID!) {\n    service(id: $id) {\n      ...ServiceRow\n      billingCycle variantName createdAt activatedAt suspendedAt suspensionReason pausedAt resumeOn cancelledAt terminatedAt\n      orderId options username packageName password provisioningState provisioningError availableActions\n      plan { id name changeTargets { id name } }\n      pendingPlan { id name }\n      cancellationRequest { id type status reason effectiveDate }\n      renewals { id kind periodStart periodEnd dueDate status amount { amount currency } }\n      events { id date type actorType actorEmail oldStatus newStatus reason note }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ServiceUpdate($id: ID!, $input: ServiceUpdateInput!) {\n    result: serviceUpdate(id: $id, input: $input) {\n      service { id } errors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation ServiceUpdate($id: ID!, $input: ServiceUpdateInput!) {\n    result: serviceUpdate(id: $id, input: $input) {\n      service { id } errors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChangePlanPreview($id: ID!, $planId: ID!) {\n    serviceChangePlanPreview(id: $id, planId: $planId) {\n      targetPlan { id name }\n      currentAmount { amount currency } newAmount { amount currency } proratedAmount { amount currency }\n      periodStart periodEnd daysLeft daysInPeriod isUpgrade\n    }\n  }\n"): (typeof documents)["\n  query ChangePlanPreview($id: ID!, $planId: ID!) {\n    serviceChangePlanPreview(id: $id, planId: $planId) {\n      targetPlan { id name }\n      currentAmount { amount currency } newAmount { amount currency } proratedAmount { amount currency }\n      periodStart periodEnd daysLeft daysInPeriod isUpgrade\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePlan($id: ID!, $planId: ID!) {\n    result: serviceChangePlan(id: $id, planId: $planId) {\n      service { id } errors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangePlan($id: ID!, $planId: ID!) {\n    result: serviceChangePlan(id: $id, planId: $planId) {\n      service { id } errors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BulkSuspend($ids: [ID!]!) {\n    result: serviceBulkSuspend(ids: $ids, reason: \"Suspended by staff\") { count errors { serviceId field code message } }\n  }\n"): (typeof documents)["\n  mutation BulkSuspend($ids: [ID!]!) {\n    result: serviceBulkSuspend(ids: $ids, reason: \"Suspended by staff\") { count errors { serviceId field code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BulkUnsuspend($ids: [ID!]!) {\n    result: serviceBulkUnsuspend(ids: $ids) { count errors { serviceId field code message } }\n  }\n"): (typeof documents)["\n  mutation BulkUnsuspend($ids: [ID!]!) {\n    result: serviceBulkUnsuspend(ids: $ids) { count errors { serviceId field code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BulkTerminate($ids: [ID!]!) {\n    result: serviceBulkTerminate(ids: $ids, reason: \"Terminated by staff\") { count errors { serviceId field code message } }\n  }\n"): (typeof documents)["\n  mutation BulkTerminate($ids: [ID!]!) {\n    result: serviceBulkTerminate(ids: $ids, reason: \"Terminated by staff\") { count errors { serviceId field code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Activate($id: ID!) { result: serviceActivate(id: $id) { service { id status } errors { field code message } } }\n"): (typeof documents)["\n  mutation Activate($id: ID!) { result: serviceActivate(id: $id) { service { id status } errors { field code message } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Suspend($id: ID!) { result: serviceSuspend(id: $id) { service { id status } errors { field code message } } }\n"): (typeof documents)["\n  mutation Suspend($id: ID!) { result: serviceSuspend(id: $id) { service { id status } errors { field code message } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Unsuspend($id: ID!) { result: serviceUnsuspend(id: $id) { service { id status } errors { field code message } } }\n"): (typeof documents)["\n  mutation Unsuspend($id: ID!) { result: serviceUnsuspend(id: $id) { service { id status } errors { field code message } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Pause($id: ID!) { result: servicePause(id: $id) { service { id status } errors { field code message } } }\n"): (typeof documents)["\n  mutation Pause($id: ID!) { result: servicePause(id: $id) { service { id status } errors { field code message } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Resume($id: ID!) { result: serviceResume(id: $id) { service { id status } errors { field code message } } }\n"): (typeof documents)["\n  mutation Resume($id: ID!) { result: serviceResume(id: $id) { service { id status } errors { field code message } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Cancel($id: ID!) { result: serviceCancel(id: $id) { service { id status } errors { field code message } } }\n"): (typeof documents)["\n  mutation Cancel($id: ID!) { result: serviceCancel(id: $id) { service { id status } errors { field code message } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Terminate($id: ID!) { result: serviceTerminate(id: $id) { service { id status } errors { field code message } } }\n"): (typeof documents)["\n  mutation Terminate($id: ID!) { result: serviceTerminate(id: $id) { service { id status } errors { field code message } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkFraud($id: ID!) { result: serviceMarkFraud(id: $id) { service { id status } errors { field code message } } }\n"): (typeof documents)["\n  mutation MarkFraud($id: ID!) { result: serviceMarkFraud(id: $id) { service { id status } errors { field code message } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Archive($id: ID!) { result: serviceArchive(id: $id) { service { id status } errors { field code message } } }\n"): (typeof documents)["\n  mutation Archive($id: ID!) { result: serviceArchive(id: $id) { service { id status } errors { field code message } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Reactivate($id: ID!) { result: serviceReactivate(id: $id) { service { id status } errors { field code message } } }\n"): (typeof documents)["\n  mutation Reactivate($id: ID!) { result: serviceReactivate(id: $id) { service { id status } errors { field code message } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CancellationRequests($filter: ServiceCancellationRequestFilterInput, $after: String) {\n    serviceCancellationRequests(first: 50, after: $after, filter: $filter,\n                                sortBy: {field: CREATED_AT, direction: ASC}) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id type status reason effectiveDate createdAt decisionNote\n        service { id productName domain userEmail status } } }\n    }\n  }\n"): (typeof documents)["\n  query CancellationRequests($filter: ServiceCancellationRequestFilterInput, $after: String) {\n    serviceCancellationRequests(first: 50, after: $after, filter: $filter,\n                                sortBy: {field: CREATED_AT, direction: ASC}) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id type status reason effectiveDate createdAt decisionNote\n        service { id productName domain userEmail status } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CancellationCounts {\n    PENDING: serviceCancellationRequests(first: 0, filter: {status: [PENDING]}) { totalCount }\n    APPROVED: serviceCancellationRequests(first: 0, filter: {status: [APPROVED]}) { totalCount }\n    REJECTED: serviceCancellationRequests(first: 0, filter: {status: [REJECTED]}) { totalCount }\n    WITHDRAWN: serviceCancellationRequests(first: 0, filter: {status: [WITHDRAWN]}) { totalCount }\n    COMPLETED: serviceCancellationRequests(first: 0, filter: {status: [COMPLETED]}) { totalCount }\n  }\n"): (typeof documents)["\n  query CancellationCounts {\n    PENDING: serviceCancellationRequests(first: 0, filter: {status: [PENDING]}) { totalCount }\n    APPROVED: serviceCancellationRequests(first: 0, filter: {status: [APPROVED]}) { totalCount }\n    REJECTED: serviceCancellationRequests(first: 0, filter: {status: [REJECTED]}) { totalCount }\n    WITHDRAWN: serviceCancellationRequests(first: 0, filter: {status: [WITHDRAWN]}) { totalCount }\n    COMPLETED: serviceCancellationRequests(first: 0, filter: {status: [COMPLETED]}) { totalCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Approve($id: ID!, $note: String) {\n    result: serviceCancellationRequestApprove(id: $id, note: $note) { cancellationRequest { id status } errors { field code message } }\n  }\n"): (typeof documents)["\n  mutation Approve($id: ID!, $note: String) {\n    result: serviceCancellationRequestApprove(id: $id, note: $note) { cancellationRequest { id status } errors { field code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Reject($id: ID!, $note: String) {\n    result: serviceCancellationRequestReject(id: $id, note: $note) { cancellationRequest { id status } errors { field code message } }\n  }\n"): (typeof documents)["\n  mutation Reject($id: ID!, $note: String) {\n    result: serviceCancellationRequestReject(id: $id, note: $note) { cancellationRequest { id status } errors { field code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PlanFields on ServicePlan {\n    id name variantId productId productName variantName billingCycle allowPause allowCancel allowReactivation\n    cancellationMode noticePeriodDays activationMode servicesCount automationOverrides\n    changeTargets { id name }\n    price { amount currency }\n    prices { channelSlug price { amount currency } }\n  }\n"): (typeof documents)["\n  fragment PlanFields on ServicePlan {\n    id name variantId productId productName variantName billingCycle allowPause allowCancel allowReactivation\n    cancellationMode noticePeriodDays activationMode servicesCount automationOverrides\n    changeTargets { id name }\n    price { amount currency }\n    prices { channelSlug price { amount currency } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Plans {\n    servicePlans(first: 100, sortBy: {field: NAME, direction: ASC}) {\n      totalCount edges { node { ...PlanFields } }\n    }\n  }\n"): (typeof documents)["\n  query Plans {\n    servicePlans(first: 100, sortBy: {field: NAME, direction: ASC}) {\n      totalCount edges { node { ...PlanFields } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogueVariants($search: String, $first: Int) {\n    serviceCatalogueVariants(search: $search, first: $first) {\n      id productId productName name sku\n      prices { channelSlug price { amount currency } }\n      plan { id name variantId }\n    }\n  }\n"): (typeof documents)["\n  query CatalogueVariants($search: String, $first: Int) {\n    serviceCatalogueVariants(search: $search, first: $first) {\n      id productId productName name sku\n      prices { channelSlug price { amount currency } }\n      plan { id name variantId }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlanNames {\n    servicePlans(first: 100, sortBy: {field: NAME, direction: ASC}) { edges { node { id name } } }\n  }\n"): (typeof documents)["\n  query PlanNames {\n    servicePlans(first: 100, sortBy: {field: NAME, direction: ASC}) { edges { node { id name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlanCreate($input: ServicePlanCreateInput!) {\n    result: servicePlanCreate(input: $input) { servicePlan { id name } errors { field code message } }\n  }\n"): (typeof documents)["\n  mutation PlanCreate($input: ServicePlanCreateInput!) {\n    result: servicePlanCreate(input: $input) { servicePlan { id name } errors { field code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlanUpdate($id: ID!, $input: ServicePlanUpdateInput!) {\n    result: servicePlanUpdate(id: $id, input: $input) { servicePlan { id name } errors { field code message } }\n  }\n"): (typeof documents)["\n  mutation PlanUpdate($id: ID!, $input: ServicePlanUpdateInput!) {\n    result: servicePlanUpdate(id: $id, input: $input) { servicePlan { id name } errors { field code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlanDelete($id: ID!) {\n    result: servicePlanDelete(id: $id) { servicePlan { id } errors { field code message } }\n  }\n"): (typeof documents)["\n  mutation PlanDelete($id: ID!) {\n    result: servicePlanDelete(id: $id) { servicePlan { id } errors { field code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerServices($customer: ID!) {\n    services(first: 20, filter: {includeArchived: true, customers: [$customer]},\n             sortBy: {field: CREATED_AT, direction: DESC}) {\n      totalCount edges { node { id productName domain status nextDueDate } }\n    }\n  }\n"): (typeof documents)["\n  query CustomerServices($customer: ID!) {\n    services(first: 20, filter: {includeArchived: true, customers: [$customer]},\n             sortBy: {field: CREATED_AT, direction: DESC}) {\n      totalCount edges { node { id productName domain status nextDueDate } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation RenewalMarkPaid($id: ID!) { result: serviceRenewalMarkPaid(id: $id) { errors { field code message } } }\n  "): (typeof documents)["\n    mutation RenewalMarkPaid($id: ID!) { result: serviceRenewalMarkPaid(id: $id) { errors { field code message } } }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation RenewalVoid($id: ID!) {\n      result: serviceRenewalVoid(id: $id, reason: \"Voided by staff\") { errors { field code message } }\n    }\n  "): (typeof documents)["\n    mutation RenewalVoid($id: ID!) {\n      result: serviceRenewalVoid(id: $id, reason: \"Voided by staff\") { errors { field code message } }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation ProvisioningRetry($id: ID!) { result: serviceProvisioningRetry(id: $id) { errors { field code message } } }\n  "): (typeof documents)["\n    mutation ProvisioningRetry($id: ID!) { result: serviceProvisioningRetry(id: $id) { errors { field code message } } }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AutomationPreview($date: Date) {\n    serviceAutomationPreview(date: $date) {\n      step count services { id productName domain status nextDueDate userEmail }\n    }\n  }\n"): (typeof documents)["\n  query AutomationPreview($date: Date) {\n    serviceAutomationPreview(date: $date) {\n      step count services { id productName domain status nextDueDate userEmail }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FailedEmails {\n    serviceFailedEmails(first: 100) {\n      id eventType date recipient attempts error service { id productName domain }\n    }\n  }\n"): (typeof documents)["\n  query FailedEmails {\n    serviceFailedEmails(first: 100) {\n      id eventType date recipient attempts error service { id productName domain }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EmailRetry($id: ID!) { result: serviceEmailRetry(id: $id) { errors { field code message } } }\n"): (typeof documents)["\n  mutation EmailRetry($id: ID!) { result: serviceEmailRetry(id: $id) { errors { field code message } } }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;