#pragma once
#include <turbojpeg.h>
#include <jconfig.h>
/* LIBJPEG_TURBO_VERSION is an unquoted token; the number is importable. */
static const int VIGIL_LIBJPEG_TURBO_VERSION_NUMBER = LIBJPEG_TURBO_VERSION_NUMBER;
