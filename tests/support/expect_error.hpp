#pragma once
// Checks that a call throws a given exception type with exactly the expected message.

#include <gtest/gtest.h>

#include <string>

namespace tetra::testing {

template <typename Error, typename Call>
void expect_error(Call&& call, const std::string& message) {
  try {
    call();
    ADD_FAILURE() << "expected an exception saying: " << message;
  } catch (const Error& error) {
    EXPECT_EQ(error.what(), message);
  }
}

}  // namespace tetra::testing
