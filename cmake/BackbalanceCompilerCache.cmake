# Use ccache when it is installed (CI keeps its cache between builds of one run).
find_program(BACKBALANCE_CCACHE ccache)
if(BACKBALANCE_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(CMAKE_C_COMPILER_LAUNCHER ${BACKBALANCE_CCACHE})
  set(CMAKE_CXX_COMPILER_LAUNCHER ${BACKBALANCE_CCACHE})
endif()
