-- One database per service, owned by the application role (POSTGRES_USER).
CREATE DATABASE sales;
CREATE DATABASE orders;
CREATE DATABASE network;
CREATE DATABASE billing;
CREATE DATABASE notifications;
CREATE DATABASE portal;
CREATE DATABASE gateway;
