from django.contrib import admin
from django.urls import path

from . import views

urlpatterns = [
    path("", views.service_list, name="service-list"),
    path("admin/", admin.site.urls),
]
