// OpenSSL's libcrypto from the system (Debian: libssl-dev), for SHA-256 and HMAC-SHA256 in AWS request signing.
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>
