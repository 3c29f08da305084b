from django.contrib import admin
from django.urls import path

from saleor_services.graphql.views import GraphQLView

from . import views

urlpatterns = [
    path("", views.service_list, name="service-list"),
    path("admin/", admin.site.urls),
    path("graphql/", GraphQLView.as_view(), name="api"),
]
