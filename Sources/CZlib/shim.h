#ifndef OFFPLATFORM_CZLIB_SHIM_H
#define OFFPLATFORM_CZLIB_SHIM_H
#include <zlib.h>
#endif
