-- One database per service, owned by the compose user (docker-entrypoint-initdb.d runs this once,
-- on an empty data volume). Names match ConnectionStrings:<dbname> in docker-compose.yml.
CREATE DATABASE referral;
CREATE DATABASE assessment;
CREATE DATABASE strategy;
CREATE DATABASE offender;
CREATE DATABASE custody;
CREATE DATABASE investigation;
