// The system libyaml (Debian: libyaml-dev, pkg-config yaml-0.1). Imported only by the YAML target.
#include <yaml.h>
