# Builds and runs examples/consumer against this build of backbalance (see
# CMakeLists.txt beside this file). Run by ctest:
#   cmake -DBKB_SETTINGS=<settings.cmake> -DBKB_MODE=consumer|build_tree
#         -DBKB_CONFIG=<config> -DBKB_WORK_DIR=<scratch dir> -P ConsumerTest.cmake
# Fails (non-zero exit, with the failing step's output) on the first step that fails.
cmake_minimum_required(VERSION 3.25)

foreach(var BKB_SETTINGS BKB_MODE BKB_WORK_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "ConsumerTest.cmake: -D${var}=... is required")
  endif()
endforeach()
include(${BKB_SETTINGS})

# Runs a command; on failure prints its output and stops the test.
function(bkb_step what)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "WORKING_DIRECTORY;OUTPUT_VARIABLE" "COMMAND")
  if(NOT arg_WORKING_DIRECTORY)
    set(arg_WORKING_DIRECTORY ${BKB_WORK_DIR})
  endif()
  message(STATUS "[${BKB_MODE}] ${what}")
  execute_process(COMMAND ${arg_COMMAND}
    WORKING_DIRECTORY ${arg_WORKING_DIRECTORY}
    RESULT_VARIABLE rc
    OUTPUT_VARIABLE out
    ERROR_VARIABLE out)
  if(NOT rc STREQUAL "0")
    list(JOIN arg_COMMAND " " shown)
    message("${out}")
    message(FATAL_ERROR "[${BKB_MODE}] ${what} failed (${rc}): ${shown}")
  endif()
  if(arg_OUTPUT_VARIABLE)
    set(${arg_OUTPUT_VARIABLE} "${out}" PARENT_SCOPE)
  endif()
endfunction()

function(bkb_require_file path)
  if(NOT EXISTS "${path}")
    message(FATAL_ERROR "[${BKB_MODE}] missing after install: ${path}")
  endif()
endfunction()

file(REMOVE_RECURSE ${BKB_WORK_DIR})
file(MAKE_DIRECTORY ${BKB_WORK_DIR})

set(config_args)
if(BKB_CONFIG)
  set(config_args --config ${BKB_CONFIG})
endif()

# --- Where the consumer finds backbalance ------------------------------------------------
if(BKB_MODE STREQUAL "consumer")
  # Install into one directory, then move it: a relocatable package still works.
  set(stage ${BKB_WORK_DIR}/stage)
  set(prefix ${BKB_WORK_DIR}/prefix)
  bkb_step("cmake --install into a scratch prefix"
    COMMAND ${CMAKE_COMMAND} --install ${BKB_BINARY_DIR} --prefix ${stage} ${config_args})
  file(RENAME ${stage} ${prefix})

  set(pkgdir ${prefix}/${BKB_INSTALL_CMAKEDIR})
  foreach(f backbalanceConfig.cmake backbalanceConfigVersion.cmake backbalanceTargets.cmake
            FindCbc.cmake)
    bkb_require_file(${pkgdir}/${f})
  endforeach()
  bkb_require_file(${prefix}/${BKB_INSTALL_INCLUDEDIR}/backbalance/catalog/catalog.h)
  bkb_require_file(${prefix}/${BKB_INSTALL_INCLUDEDIR}/backbalance/solver/evaluate.h)
  bkb_require_file(${prefix}/${BKB_INSTALL_LIBDIR}/libbackbalance++.a)
  if(BKB_HAS_CLI)
    bkb_require_file(${prefix}/${BKB_INSTALL_BINDIR}/backbalance${BKB_EXECUTABLE_SUFFIX})
  endif()

  # The installed package must not point back into the source or build tree.
  file(GLOB pkg_files ${pkgdir}/*.cmake)
  foreach(f IN LISTS pkg_files)
    file(READ ${f} text)
    foreach(tree BKB_SOURCE_DIR BKB_BINARY_DIR)
      string(FIND "${text}" "${${tree}}" at)
      if(NOT at EQUAL -1)
        message(FATAL_ERROR "[${BKB_MODE}] ${f} names the ${tree} ${${tree}}")
      endif()
    endforeach()
  endforeach()

  set(find_args "-DCMAKE_PREFIX_PATH=${prefix}")
  set(expected_dir ${pkgdir})
elseif(BKB_MODE STREQUAL "build_tree")
  set(find_args "-Dbackbalance_DIR=${BKB_BINARY_DIR}")
  set(expected_dir ${BKB_BINARY_DIR})
else()
  message(FATAL_ERROR "ConsumerTest.cmake: unknown BKB_MODE '${BKB_MODE}'")
endif()

# --- Configure, build and run the consumer --------------------------------------------
# The prefixes this build found its own dependencies in (absl, Boost, ...), if any, go
# through the environment (':'-separated), which keeps them apart from the -D above.
if(BKB_PREFIX_PATH)
  list(JOIN BKB_PREFIX_PATH ":" env_prefix_path)
  if(DEFINED ENV{CMAKE_PREFIX_PATH} AND NOT "$ENV{CMAKE_PREFIX_PATH}" STREQUAL "")
    string(APPEND env_prefix_path ":$ENV{CMAKE_PREFIX_PATH}")
  endif()
  set(ENV{CMAKE_PREFIX_PATH} "${env_prefix_path}")
endif()
# Our public headers must compile cleanly in a consumer's warning set too.
set(cxx_flags "${BKB_CXX_FLAGS} -Wall -Wextra -Wpedantic")
if(BKB_WARNINGS_AS_ERRORS)
  string(APPEND cxx_flags " -Werror")
endif()
set(build_dir ${BKB_WORK_DIR}/build)
set(configure_args
  -S ${BKB_CONSUMER_SOURCE_DIR} -B ${build_dir}
  -G ${BKB_GENERATOR}
  ${find_args}
  -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF
  -DCMAKE_FIND_USE_SYSTEM_PACKAGE_REGISTRY=OFF
  "-DCMAKE_CXX_COMPILER=${BKB_CXX_COMPILER}"
  "-DCMAKE_CXX_FLAGS=${cxx_flags}"
  "-DCMAKE_EXE_LINKER_FLAGS=${BKB_EXE_LINKER_FLAGS}")
if(BKB_GENERATOR_PLATFORM)
  list(APPEND configure_args -A ${BKB_GENERATOR_PLATFORM})
endif()
if(BKB_MAKE_PROGRAM)
  list(APPEND configure_args "-DCMAKE_MAKE_PROGRAM=${BKB_MAKE_PROGRAM}")
endif()
if(BKB_CONFIG)
  list(APPEND configure_args -DCMAKE_BUILD_TYPE=${BKB_CONFIG})
endif()
if(BKB_CXX_COMPILER_LAUNCHER)
  list(APPEND configure_args "-DCMAKE_CXX_COMPILER_LAUNCHER=${BKB_CXX_COMPILER_LAUNCHER}")
endif()
bkb_step("configure examples/consumer" COMMAND ${CMAKE_COMMAND} ${configure_args})

# It must have found this backbalance, not another one on the system.
file(STRINGS ${build_dir}/CMakeCache.txt found_line REGEX "^backbalance_DIR:")
string(REGEX REPLACE "^backbalance_DIR:[A-Z]+=" "" found_dir "${found_line}")
file(REAL_PATH "${found_dir}" found_dir)
file(REAL_PATH "${expected_dir}" expected_dir)
if(NOT found_dir STREQUAL expected_dir)
  message(FATAL_ERROR "[${BKB_MODE}] consumer found backbalance in '${found_dir}', "
                      "expected '${expected_dir}'")
endif()

bkb_step("build examples/consumer"
  COMMAND ${CMAKE_COMMAND} --build ${build_dir} ${config_args})

set(consumer ${build_dir}/consumer${BKB_EXECUTABLE_SUFFIX})
if(NOT EXISTS ${consumer} AND BKB_CONFIG)
  set(consumer ${build_dir}/${BKB_CONFIG}/consumer${BKB_EXECUTABLE_SUFFIX})  # multi-config
endif()
bkb_step("run the consumer" COMMAND ${consumer} OUTPUT_VARIABLE consumer_output)
message("${consumer_output}")
if(NOT consumer_output MATCHES "score: [-0-9.]+")
  message(FATAL_ERROR "[${BKB_MODE}] the consumer printed no score")
endif()

# --- The C ABI through pkg-config ---------------------------------------------------------
if(BKB_MODE STREQUAL "consumer" AND BKB_HAS_C_ABI)
  if(NOT BKB_PKG_CONFIG_EXECUTABLE)
    message(FATAL_ERROR "[${BKB_MODE}] pkg-config is needed to test backbalance.pc")
  endif()
  set(ENV{PKG_CONFIG_PATH} "${prefix}/${BKB_INSTALL_LIBDIR}/pkgconfig")
  bkb_step("pkg-config --modversion backbalance"
    COMMAND ${BKB_PKG_CONFIG_EXECUTABLE} --modversion backbalance OUTPUT_VARIABLE pc_version)
  string(STRIP "${pc_version}" pc_version)
  if(NOT pc_version STREQUAL BKB_VERSION)
    message(FATAL_ERROR "[${BKB_MODE}] backbalance.pc says ${pc_version}, not ${BKB_VERSION}")
  endif()
  bkb_step("pkg-config --cflags --libs backbalance"
    COMMAND ${BKB_PKG_CONFIG_EXECUTABLE} --cflags --libs backbalance OUTPUT_VARIABLE pc_flags)
  string(STRIP "${pc_flags}" pc_flags)
  separate_arguments(pc_flags UNIX_COMMAND "${pc_flags}")
  separate_arguments(c_flags UNIX_COMMAND "${BKB_C_FLAGS}")
  separate_arguments(link_flags UNIX_COMMAND "${BKB_EXE_LINKER_FLAGS}")
  bkb_require_file(${prefix}/${BKB_INSTALL_INCLUDEDIR}/backbalance/backbalance.h)
  # examples/c/plan_week.c, the C ABI's complete example, built as C99 with strict
  # warnings against the installed copy only (its flags come from backbalance.pc).
  set(c_consumer ${BKB_WORK_DIR}/plan_week${BKB_EXECUTABLE_SUFFIX})
  bkb_step("compile examples/c/plan_week.c (C99) with pkg-config's flags"
    COMMAND ${BKB_C_COMPILER} -std=c99 -Wall -Wextra -pedantic -Werror ${c_flags}
            ${BKB_SOURCE_DIR}/examples/c/plan_week.c -o ${c_consumer} ${pc_flags} ${link_flags}
            "-Wl,-rpath,${prefix}/${BKB_INSTALL_LIBDIR}")
  bkb_step("run the C program"
    COMMAND ${c_consumer} ${BKB_SOURCE_DIR}/examples/profiles/desk_worker.json
    OUTPUT_VARIABLE c_output)
  message("${c_output}")
  if(NOT c_output MATCHES "status: ok, score: [0-9.]+")
    message(FATAL_ERROR "[${BKB_MODE}] the C program printed no week")
  endif()
endif()

message(STATUS "[${BKB_MODE}] ok")
