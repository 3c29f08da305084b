import graphene

from .service import Service


class ServiceAutomationStepPreview(graphene.ObjectType):
    step = graphene.String(required=True, description="The daily step, in running order.")
    count = graphene.Int(required=True, description="How many services it would take up.")
    services = graphene.List(
        graphene.NonNull(Service), required=True, description="The first 100 of them."
    )
