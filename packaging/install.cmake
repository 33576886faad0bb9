# SPDX-License-Identifier: Apache-2.0
# What `cmake --install` (and so the .deb) puts beside the programs: the sample catalog, the
# manual pages, the changelog and licence note and, with the desktop app, its menu entry,
# AppStream data and icons.
# The programs and the core library install from their own CMakeLists.txt. docs/packaging.md.

set(TRIBUTARY_APP_ID io.github.tributary.Tributary) # desktop entry, metainfo and icon name
set(TRIBUTARY_INSTALL_DOCDIR "${CMAKE_INSTALL_DATADIR}/doc/tributary") # by package name

install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/samples/acme/
  DESTINATION ${TRIBUTARY_INSTALL_SAMPLEDIR})

# Debian wants manual pages and changelogs compressed, with no time stamp in the gzip header.
find_program(TRIBUTARY_GZIP gzip REQUIRED)
set(gzipped)
function(tributary_gzip source name)
  set(copy ${PROJECT_BINARY_DIR}/packaging/${name})
  add_custom_command(OUTPUT ${copy}.gz
    COMMAND ${CMAKE_COMMAND} -E copy ${source} ${copy}
    COMMAND ${TRIBUTARY_GZIP} -9nf ${copy}
    DEPENDS ${source} COMMENT "Compressing ${name}" VERBATIM)
  set(gzipped ${gzipped} ${copy}.gz PARENT_SCOPE)
endfunction()
tributary_gzip(${PROJECT_SOURCE_DIR}/packaging/man/tributary.1 tributary.1)
tributary_gzip(${PROJECT_SOURCE_DIR}/packaging/linux/changelog changelog.Debian)
install(FILES ${PROJECT_BINARY_DIR}/packaging/tributary.1.gz
  DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
if(TRIBUTARY_BUILD_DESKTOP)
  tributary_gzip(${PROJECT_SOURCE_DIR}/packaging/man/tributary-desktop.1 tributary-desktop.1)
  install(FILES ${PROJECT_BINARY_DIR}/packaging/tributary-desktop.1.gz
    DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()
add_custom_target(tributary_man ALL DEPENDS ${gzipped})
install(FILES ${PROJECT_BINARY_DIR}/packaging/changelog.Debian.gz
  ${PROJECT_SOURCE_DIR}/packaging/linux/copyright DESTINATION ${TRIBUTARY_INSTALL_DOCDIR})

if(TRIBUTARY_BUILD_DESKTOP)
  install(FILES ${PROJECT_SOURCE_DIR}/packaging/linux/${TRIBUTARY_APP_ID}.desktop
    DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
  install(FILES ${PROJECT_SOURCE_DIR}/packaging/linux/${TRIBUTARY_APP_ID}.metainfo.xml
    DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
  set(hicolor ${CMAKE_INSTALL_DATADIR}/icons/hicolor)
  install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/tributary.svg
    DESTINATION ${hicolor}/scalable/apps RENAME ${TRIBUTARY_APP_ID}.svg)
  foreach(size IN LISTS TRIBUTARY_ICON_SIZES)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/tributary-${size}.png
      DESTINATION ${hicolor}/${size}x${size}/apps RENAME ${TRIBUTARY_APP_ID}.png)
  endforeach()
endif()
