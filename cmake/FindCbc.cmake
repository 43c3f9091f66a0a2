# FindCbc: COIN-OR Branch and Cut (CBC), the exact backend's MILP solver.
#
# Defines the IMPORTED target Cbc::Cbc (includes, the CBC libraries and the COIN-OR
# libraries they need) and Cbc_FOUND, Cbc_VERSION, Cbc_INCLUDE_DIRS, Cbc_LIBRARIES.
#
# Why a find module and not pkg_check_modules(... IMPORTED_TARGET) directly: the static
# library backbalance::backbalance links CBC privately, so its exported link interface
# names the CBC target ($<LINK_ONLY:Cbc::Cbc>) and every consumer must be able to
# re-create a target of exactly that name. This module is installed next to
# backbalanceConfig.cmake, which runs it again through find_dependency(Cbc); a
# PkgConfig::<prefix> target name would depend on the prefix a caller chose.
#
# Uses pkg-config's `cbc` module when pkg-config is present (Debian: coinor-libcbc-dev),
# else searches for the headers and libraries by name.

include(FindPackageHandleStandardArgs)

find_package(PkgConfig QUIET)
if(PKG_CONFIG_FOUND)
  pkg_check_modules(_bkb_cbc_pc QUIET cbc)
endif()

if(_bkb_cbc_pc_FOUND)
  set(Cbc_VERSION "${_bkb_cbc_pc_VERSION}")
  set(Cbc_INCLUDE_DIRS "${_bkb_cbc_pc_INCLUDE_DIRS}")
  # Absolute paths of every library pkg-config lists, Requires included.
  set(Cbc_LIBRARIES "${_bkb_cbc_pc_LINK_LIBRARIES}")
  set(_bkb_cbc_compile_options "${_bkb_cbc_pc_CFLAGS_OTHER}")
  set(_bkb_cbc_link_options "${_bkb_cbc_pc_LDFLAGS_OTHER}")
  set(Cbc_INCLUDE_DIR "${Cbc_INCLUDE_DIRS}")
  set(Cbc_LIBRARY "${Cbc_LIBRARIES}")
else()
  find_path(Cbc_INCLUDE_DIR NAMES CbcModel.hpp PATH_SUFFIXES coin coin-or)
  set(Cbc_LIBRARIES)
  set(Cbc_LIBRARY)
  foreach(_bkb_lib CbcSolver Cbc Cgl OsiClp ClpSolver Clp Osi CoinUtils)
    find_library(Cbc_${_bkb_lib}_LIBRARY NAMES ${_bkb_lib})
    mark_as_advanced(Cbc_${_bkb_lib}_LIBRARY)
    if(Cbc_${_bkb_lib}_LIBRARY)
      list(APPEND Cbc_LIBRARIES "${Cbc_${_bkb_lib}_LIBRARY}")
    endif()
  endforeach()
  if(Cbc_Cbc_LIBRARY AND Cbc_CbcSolver_LIBRARY)
    set(Cbc_LIBRARY "${Cbc_LIBRARIES}")
  endif()
  set(Cbc_INCLUDE_DIRS "${Cbc_INCLUDE_DIR}")
  set(_bkb_cbc_compile_options)
  set(_bkb_cbc_link_options)
  if(Cbc_INCLUDE_DIR AND EXISTS "${Cbc_INCLUDE_DIR}/CbcConfig.h")
    file(STRINGS "${Cbc_INCLUDE_DIR}/CbcConfig.h" _bkb_cbc_version_line
         REGEX "^#define[ \t]+CBC_VERSION[ \t]+\"[^\"]*\"")
    if(_bkb_cbc_version_line MATCHES "\"([^\"]*)\"")
      set(Cbc_VERSION "${CMAKE_MATCH_1}")
    endif()
  endif()
  mark_as_advanced(Cbc_INCLUDE_DIR)
endif()

find_package_handle_standard_args(Cbc
  REQUIRED_VARS Cbc_LIBRARY Cbc_INCLUDE_DIR
  VERSION_VAR Cbc_VERSION)

if(Cbc_FOUND AND NOT TARGET Cbc::Cbc)
  add_library(Cbc::Cbc INTERFACE IMPORTED)
  set_target_properties(Cbc::Cbc PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${Cbc_INCLUDE_DIRS}"
    INTERFACE_LINK_LIBRARIES "${Cbc_LIBRARIES}")
  if(_bkb_cbc_compile_options)
    set_property(TARGET Cbc::Cbc PROPERTY INTERFACE_COMPILE_OPTIONS "${_bkb_cbc_compile_options}")
  endif()
  if(_bkb_cbc_link_options)
    set_property(TARGET Cbc::Cbc PROPERTY INTERFACE_LINK_OPTIONS "${_bkb_cbc_link_options}")
  endif()
endif()
