#pragma once
/* Raw V4L2 (ioctls on the device node) plus libv4lconvert for pixel formats.
 * libv4l2 is left out on purpose: it dlopen()s plugins, which a static binary cannot do safely. */
#include <linux/videodev2.h>
#include <libv4lconvert.h>

/* The VIDIOC_* request numbers are function-like macros that Swift does not import. */
static const unsigned long VIGIL_VIDIOC_QUERYCAP = VIDIOC_QUERYCAP;
static const unsigned long VIGIL_VIDIOC_ENUM_FMT = VIDIOC_ENUM_FMT;
static const unsigned long VIGIL_VIDIOC_G_FMT = VIDIOC_G_FMT;
static const unsigned long VIGIL_VIDIOC_S_FMT = VIDIOC_S_FMT;
static const unsigned long VIGIL_VIDIOC_G_PARM = VIDIOC_G_PARM;
static const unsigned long VIGIL_VIDIOC_S_PARM = VIDIOC_S_PARM;
static const unsigned long VIGIL_VIDIOC_REQBUFS = VIDIOC_REQBUFS;
static const unsigned long VIGIL_VIDIOC_QUERYBUF = VIDIOC_QUERYBUF;
static const unsigned long VIGIL_VIDIOC_QBUF = VIDIOC_QBUF;
static const unsigned long VIGIL_VIDIOC_DQBUF = VIDIOC_DQBUF;
static const unsigned long VIGIL_VIDIOC_STREAMON = VIDIOC_STREAMON;
static const unsigned long VIGIL_VIDIOC_STREAMOFF = VIDIOC_STREAMOFF;
static const unsigned long VIGIL_VIDIOC_ENUM_FRAMESIZES = VIDIOC_ENUM_FRAMESIZES;
