# Warnings for Tetra's own targets only; third-party headers come in as SYSTEM.
function(tetra_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                           -Wno-sign-conversion)
  if(TETRA_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
