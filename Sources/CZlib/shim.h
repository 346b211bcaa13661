// The system zlib, for deflating PNG image data.
#include <zlib.h>
