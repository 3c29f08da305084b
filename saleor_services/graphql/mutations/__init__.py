import graphene

from .bulk import ServiceBulkSuspend, ServiceBulkTerminate, ServiceBulkUnsuspend
from .cancellation import (
    ServiceCancellationRequestApprove,
    ServiceCancellationRequestCreate,
    ServiceCancellationRequestReject,
    ServiceCancellationRequestWithdraw,
)
from .emails import ServiceEmailRetry
from .plan_change import ServiceChangePlan
from .plans import ServicePlanCreate, ServicePlanDelete, ServicePlanUpdate
from .portal import ServicePortalSessionCreate
from .provisioning import ServiceProvisioningRetry
from .renewals import (
    ServiceRenewalMarkPaid,
    ServiceRenewalRecordRefund,
    ServiceRenewalReopen,
    ServiceRenewalVoid,
)
from .service_actions import (
    ServiceActivate,
    ServiceArchive,
    ServiceCancel,
    ServiceMarkFraud,
    ServicePause,
    ServiceReactivate,
    ServiceResume,
    ServiceSuspend,
    ServiceTerminate,
    ServiceUnsuspend,
)
from .service_update import ServiceUpdate


class ServicesMutations(graphene.ObjectType):
    service_cancellation_request_create = ServiceCancellationRequestCreate.Field()
    service_cancellation_request_withdraw = ServiceCancellationRequestWithdraw.Field()
    service_cancellation_request_approve = ServiceCancellationRequestApprove.Field()
    service_cancellation_request_reject = ServiceCancellationRequestReject.Field()
    service_pause = ServicePause.Field()
    service_resume = ServiceResume.Field()
    service_reactivate = ServiceReactivate.Field()
    service_activate = ServiceActivate.Field()
    service_suspend = ServiceSuspend.Field()
    service_unsuspend = ServiceUnsuspend.Field()
    service_cancel = ServiceCancel.Field()
    service_terminate = ServiceTerminate.Field()
    service_mark_fraud = ServiceMarkFraud.Field()
    service_archive = ServiceArchive.Field()
    service_update = ServiceUpdate.Field()
    service_bulk_suspend = ServiceBulkSuspend.Field()
    service_bulk_unsuspend = ServiceBulkUnsuspend.Field()
    service_bulk_terminate = ServiceBulkTerminate.Field()
    service_plan_create = ServicePlanCreate.Field()
    service_plan_update = ServicePlanUpdate.Field()
    service_plan_delete = ServicePlanDelete.Field()
    service_renewal_mark_paid = ServiceRenewalMarkPaid.Field()
    service_renewal_void = ServiceRenewalVoid.Field()
    service_renewal_reopen = ServiceRenewalReopen.Field()
    service_renewal_record_refund = ServiceRenewalRecordRefund.Field()
    service_provisioning_retry = ServiceProvisioningRetry.Field()
    service_change_plan = ServiceChangePlan.Field()
    service_email_retry = ServiceEmailRetry.Field()
    service_portal_session_create = ServicePortalSessionCreate.Field()
