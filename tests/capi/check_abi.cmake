# The C ABI of the built library against the committed baseline abi/libbackbalance.abi
# (docs/abi.md). abidw writes the library's C interface (abi/suppressions.ini keeps the
# bkb_* functions and the types of backbalance.h); abidiff compares it with the baseline
# and fails on any change, compatible or not: a new function is recorded in the baseline
# deliberately, an incompatible change also moves the soname.
#   cmake -DLIBRARY=<so> -DBASELINE=<abi> -DSUPPRESSIONS=<ini> -DABIDW=<abidw>
#         -DABIDIFF=<abidiff> -DOUTPUT=<abi file to write> [-DUPDATE=ON] -P check_abi.cmake
# With UPDATE=ON it writes the baseline instead (the `abi-baseline` build target).
cmake_minimum_required(VERSION 3.25)

set(abidw_args --suppressions ${SUPPRESSIONS} --no-corpus-path --short-locs --no-comp-dir-path
               --no-elf-needed --type-id-style hash)
if(UPDATE)
  set(OUTPUT ${BASELINE})
endif()
execute_process(COMMAND ${ABIDW} ${abidw_args} --out-file ${OUTPUT} ${LIBRARY}
  RESULT_VARIABLE rc ERROR_VARIABLE error)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "abidw failed (${rc}) on ${LIBRARY}: ${error}")
endif()
if(UPDATE)
  message(STATUS "wrote ${BASELINE}; record why in docs/abi.md")
  return()
endif()

# Both sides are abixml written with the same suppressions, so abidiff needs none.
execute_process(COMMAND ${ABIDIFF} ${BASELINE} ${OUTPUT}
  RESULT_VARIABLE rc OUTPUT_VARIABLE report ERROR_VARIABLE report)
if(rc EQUAL 0)
  message(STATUS "the C ABI matches ${BASELINE}")
  return()
endif()
# abidiff's exit code is a bit set: 1 error, 2 usage, 4 ABI change, 8 incompatible change.
math(EXPR incompatible "${rc} & 8")
math(EXPR failed "${rc} & 3")
if(failed)
  message(FATAL_ERROR "abidiff could not compare (exit ${rc}):\n${report}")
elseif(incompatible)
  message(FATAL_ERROR
    "INCOMPATIBLE change of the C ABI against ${BASELINE}:\n${report}\n"
    "Keep the old functions, or break deliberately: raise BKB_ABI_VERSION in "
    "src/capi/CMakeLists.txt, run `cmake --build <dir> --target abi-baseline`, and record "
    "the break in docs/abi.md.")
else()
  message(FATAL_ERROR
    "The C ABI changed compatibly against ${BASELINE}:\n${report}\n"
    "If intended (e.g. a new function), run `cmake --build <dir> --target abi-baseline` "
    "and record the addition in docs/abi.md.")
endif()
