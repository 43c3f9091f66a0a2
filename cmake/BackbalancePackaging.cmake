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
set(_bkb_export_targets backbalance)
if(TARGET backbalance_cli)
  set_target_properties(backbalance_cli PROPERTIES EXPORT_NAME cli)
  list(APPEND _bkb_export_targets backbalance_cli)
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
