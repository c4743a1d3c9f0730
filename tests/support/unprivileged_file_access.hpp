#pragma once
// Lets a test see "Permission denied" even when it runs as root (as CI containers do).

#include <linux/capability.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace tetra::test_support {

/// While it lives, the calling thread checks file permissions as an ordinary user does:
/// it lowers CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH from its effective capabilities,
/// and raises them again when it goes away (they stay permitted throughout). For a
/// user without those capabilities it changes nothing.
class UnprivilegedFileAccess {
public:
  UnprivilegedFileAccess() {
    if (::syscall(SYS_capget, &header_, saved_) != 0) {
      throw std::system_error(errno, std::system_category(), "capget");
    }
    __user_cap_data_struct lowered[2] = {saved_[0], saved_[1]};
    lowered[0].effective &= ~((1u << CAP_DAC_OVERRIDE) | (1u << CAP_DAC_READ_SEARCH));
    if (::syscall(SYS_capset, &header_, lowered) != 0) {
      throw std::system_error(errno, std::system_category(), "capset");
    }
  }
  ~UnprivilegedFileAccess() { ::syscall(SYS_capset, &header_, saved_); }
  UnprivilegedFileAccess(const UnprivilegedFileAccess&) = delete;
  UnprivilegedFileAccess& operator=(const UnprivilegedFileAccess&) = delete;

private:
  __user_cap_header_struct header_{_LINUX_CAPABILITY_VERSION_3, 0};
  __user_cap_data_struct saved_[2]{};
};

}  // namespace tetra::test_support
