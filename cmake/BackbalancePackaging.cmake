# Install rules and the CMake package of backbalance (style.md section 4, as fmt, zstd
# and libgit2 do it). Included from the top-level CMakeLists.txt after src/, so every
# target is known here:
#   backbalance      backbalance::backbalance  static C++ library (libbackbalance++.a)
#   backbalance_cli  backbalance::cli          the command line `backbalance` (if built)
#   backbalance_c    backbalance::c            shared C ABI libbackbalance.so.N (if built),
#                                              also described by backbalance.pc
# Installed layout (GNUInstallDirs):
#   include/backbalance/**.h
#   lib/libbackbalance++.a, lib/libbackbalance.so*  lib/pkgconfig/backbalance.pc
#   lib/cmake/backbalance/{backbalanceConfig,backbalanceConfigVersion,
#                          backbalanceTargets[-<config>],FindCbc}.cmake
#   bin/backbalance
#   share/doc/backbalance/{LICENSE,README.md,*.md}
# The build tree is a package too: find_package(backbalance) with
# backbalance_DIR=<build dir> uses the targets there (export()).

include(CMakePackageConfigHelpers)

set(BKB_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/backbalance CACHE STRING
    "Where backbalanceConfig.cmake is installed, relative to the prefix")
mark_as_advanced(BKB_INSTALL_CMAKEDIR)

# --- Targets -----------------------------------------------------------------------
# Components, one Debian package each (CPack, below): runtime (the shared C library),
# development (headers, static C++ library, CMake package, pkg-config, docs) and cli.
set(_bkb_export_targets backbalance)
if(TARGET backbalance_cli)
  set_target_properties(backbalance_cli PROPERTIES EXPORT_NAME cli)
  install(TARGETS backbalance_cli
    EXPORT backbalanceTargets
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT cli)
endif()
if(TARGET backbalance_c)
  set_target_properties(backbalance_c PROPERTIES EXPORT_NAME c)
  list(APPEND _bkb_export_targets backbalance_c)
endif()

install(TARGETS ${_bkb_export_targets}
  EXPORT backbalanceTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT development
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime
          NAMELINK_COMPONENT development
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/backbalance
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  COMPONENT development
  FILES_MATCHING PATTERN "*.h")

# --- CMake package: install tree -------------------------------------------------------
install(EXPORT backbalanceTargets
  NAMESPACE backbalance::
  DESTINATION ${BKB_INSTALL_CMAKEDIR}
  COMPONENT development)

configure_package_config_file(
  ${PROJECT_SOURCE_DIR}/cmake/backbalanceConfig.cmake.in
  ${PROJECT_BINARY_DIR}/cmake/install/backbalanceConfig.cmake
  INSTALL_DESTINATION ${BKB_INSTALL_CMAKEDIR})
write_basic_package_version_file(
  ${PROJECT_BINARY_DIR}/backbalanceConfigVersion.cmake
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY SameMajorVersion)
install(FILES
  ${PROJECT_BINARY_DIR}/cmake/install/backbalanceConfig.cmake
  ${PROJECT_BINARY_DIR}/backbalanceConfigVersion.cmake
  ${PROJECT_SOURCE_DIR}/cmake/FindCbc.cmake
  DESTINATION ${BKB_INSTALL_CMAKEDIR}
  COMPONENT development)

# --- CMake package: build tree ---------------------------------------------------------
export(EXPORT backbalanceTargets
  NAMESPACE backbalance::
  FILE ${PROJECT_BINARY_DIR}/backbalanceTargets.cmake)
configure_package_config_file(
  ${PROJECT_SOURCE_DIR}/cmake/backbalanceConfig.cmake.in
  ${PROJECT_BINARY_DIR}/backbalanceConfig.cmake
  INSTALL_DESTINATION ${PROJECT_BINARY_DIR}
  INSTALL_PREFIX ${PROJECT_BINARY_DIR})
configure_file(${PROJECT_SOURCE_DIR}/cmake/FindCbc.cmake ${PROJECT_BINARY_DIR}/FindCbc.cmake
               COPYONLY)

# --- pkg-config, for the C ABI -------------------------------------------------------
if(TARGET backbalance_c)
  # Relocatable: the prefix is found from the .pc file's own place (${pcfiledir}), so
  # `cmake --install --prefix <any>` gives a working file. Absolute dirs stay absolute.
  set(_bkb_pc_dir ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
  file(RELATIVE_PATH _bkb_pc_up /prefix/${_bkb_pc_dir} /prefix)
  string(REGEX REPLACE "/$" "" _bkb_pc_up "${_bkb_pc_up}")
  set(BKB_PC_PREFIX "\${pcfiledir}/${_bkb_pc_up}")
  if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
    set(BKB_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
    set(BKB_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
  else()
    set(BKB_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
  endif()
  if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
    set(BKB_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
  else()
    set(BKB_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
  endif()
  configure_file(${PROJECT_SOURCE_DIR}/cmake/backbalance.pc.in
                 ${PROJECT_BINARY_DIR}/backbalance.pc @ONLY)
  install(FILES ${PROJECT_BINARY_DIR}/backbalance.pc
          DESTINATION ${_bkb_pc_dir}
          COMPONENT development)
endif()

# --- Documents ----------------------------------------------------------------------
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE ${PROJECT_SOURCE_DIR}/README.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR}
        COMPONENT development)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/
        DESTINATION ${CMAKE_INSTALL_DOCDIR}
        COMPONENT development
        FILES_MATCHING PATTERN "*.md")

unset(_bkb_export_targets)

# --- Debian packages (CPack) -----------------------------------------------------------
#   cpack --config <build>/CPackConfig.cmake -B <dir>     (scripts/make-debs)
#   libbackbalance0      the C ABI, libbackbalance.so.0 (shared library dependencies found by
#                        dpkg-shlibdeps)
#   libbackbalance-dev   headers, libbackbalance++.a, the .so link, the CMake package,
#                        backbalance.pc and the docs; depends on libbackbalance0 of the same
#                        version and on the -dev packages the CMake package finds
#   backbalance          the command line
# Installed under /usr; tests/install/deb_test.sh installs them into a scratch root and
# builds examples/c against them.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME backbalance)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_CONTACT "backbalance maintainers <backbalance@localhost>")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL runtime development)
if(TARGET backbalance_cli)
  list(APPEND CPACK_COMPONENTS_ALL cli)
endif()
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "")
set(CPACK_DEBIAN_ENABLE_COMPONENT_DEPENDS ON)
set(CPACK_COMPONENT_DEVELOPMENT_DEPENDS runtime)

set(_bkb_soversion 0)
if(TARGET backbalance_c)
  get_target_property(_bkb_soversion backbalance_c SOVERSION)
endif()
set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME libbackbalance${_bkb_soversion})
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION libs)
set(CPACK_COMPONENT_RUNTIME_DESCRIPTION
    "Balanced weekly exercise plans for long-term back pain: the C library\n"
    "libbackbalance.so.${_bkb_soversion}, the stable C ABI (backbalance.h).")

set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_NAME libbackbalance-dev)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_SECTION libdevel)
# What backbalanceConfig.cmake finds (find_dependency) and the headers include.
set(_bkb_dev_depends "libabsl-dev, libboost-dev (>= ${BKB_BOOST_MIN_VERSION}), "
    "nlohmann-json3-dev (>= ${BKB_NLOHMANN_JSON_MIN_VERSION}), libssl-dev")
if(BACKBALANCE_WITH_CBC)
  string(APPEND _bkb_dev_depends ", coinor-libcbc-dev, pkg-config")
endif()
string(JOIN "" CPACK_DEBIAN_DEVELOPMENT_PACKAGE_DEPENDS ${_bkb_dev_depends})
set(CPACK_COMPONENT_DEVELOPMENT_DESCRIPTION
    "Balanced weekly exercise plans for long-term back pain: development files\n"
    "Headers of the C ABI and the C++ library, the static C++ library, the CMake\n"
    "package (find_package(backbalance)) and backbalance.pc for pkg-config.")

set(CPACK_DEBIAN_CLI_PACKAGE_NAME backbalance)
set(CPACK_DEBIAN_CLI_PACKAGE_SECTION science)
set(CPACK_COMPONENT_CLI_DESCRIPTION
    "Balanced weekly exercise plans for long-term back pain: the command line\n"
    "backbalance plans, judges and adapts weeks of exercise and writes them as JSON,\n"
    "text, Markdown, HTML, iCalendar or FHIR R4.")
unset(_bkb_dev_depends)
unset(_bkb_soversion)
include(CPack)
