#pragma once
/* libgpiod 1.6 (Debian 12): lines are looked up by name, never by chip number. */
#include <gpiod.h>
