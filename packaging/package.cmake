# SPDX-License-Identifier: Apache-2.0
# CPack: one Debian package, `tributary`, holding everything `cmake --install` installs.
# packaging/build-deb.sh runs it; docs/packaging.md says what the package holds.

set(TRIBUTARY_PACKAGE_MAINTAINER "Tributary maintainers <maintainers@tributary.invalid>"
  CACHE STRING "The Maintainer field of the .deb")

# cpack (and the install target) would first build `all`, the tests too, outside the build
# lock; build-deb.sh builds what the package needs itself, so install builds nothing.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME tributary)
set(CPACK_PACKAGE_VENDOR "Tributary")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${TRIBUTARY_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# Debian ships programs without their debug information (lintian: unstripped-binary-or-object).
set(CPACK_STRIP_FILES ON)
# Nothing from outside the install tree (no absolute install paths sneak in).
set(CPACK_ERROR_ON_ABSOLUTE_INSTALL_DESTINATION ON)

set(CPACK_DEBIAN_PACKAGE_NAME tributary)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # tributary_VERSION_ARCH.deb
set(CPACK_DEBIAN_PACKAGE_RELEASE 1) # the top entry of packaging/linux/changelog
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The Description's long part; CPack puts the summary line above it and indents it.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Tributary reads a catalog of data sources, features, training sets
and models (YAML files, OpenLineage events or a dbt project) into a SQLite or
PostgreSQL store that remembers every import, then answers lineage questions:
what feeds a model, what a source change affects, where personal data flows.

The package holds the tributary command line, the tributary-desktop window
(Qt 6), their manual pages and a small sample catalog.")
# dpkg-shlibdeps reads the programs' and the core library's needs (Qt, sqlite3, libpq, yaml-cpp,
# cmark); it finds the private core library in the package through the programs' RUNPATH.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS "${TRIBUTARY_INSTALL_PRIVATE_LIBDIR}")
# Installed paths are modes 755/644 whatever the build tree's umask was.
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
  OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

include(CPack)
