from django.contrib import admin
from django.urls import path, re_path

from saleor_services.portal.dispatch import portal_response

from . import views
from .graphql_view import GraphQLView

urlpatterns = [
    path("", views.service_list, name="service-list"),
    path("dashboard-host/", views.dashboard_host, name="dashboard-host"),
    re_path(r"^dashboard/(?P<path>.*)$", views.dashboard_files, name="dashboard"),
    path("admin/", admin.site.urls),
    path("graphql/", GraphQLView.as_view(), name="api"),
    re_path(r"^portal/(?P<path>.*)$", portal_response, name="portal"),
]
