SERVICE_FIELDS = """
fragment ServiceFields on Service {
  id productName variantName domain billingCycle status nextDueDate createdAt activatedAt updatedAt
  recurringAmount { amount currency }
  userEmail customerName serverHostname username packageName options
  plan { id name billingCycle allowPause allowCancel changeTargets { id name } }
  cancellationPending cancellationEffectiveDate
  cancellationRequest { id type status reason effectiveDate }
  canPause canResume canCancel canWithdrawCancellation
  renewals { id periodStart periodEnd amount { amount currency } status }
  eventsCount
  metadata { key value }
}
"""

STAFF_SERVICE_FIELDS = SERVICE_FIELDS.replace(
    "metadata { key value }", "metadata { key value } privateMetadata { key value } provisioningState provisioningError"
)
