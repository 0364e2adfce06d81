-- V45 added the page-address check NOT VALID (adding it valid would scan messages under a lock that
-- stops writes); validating takes a lock that lets writes go on (docs/operations.md).
ALTER TABLE messages VALIDATE CONSTRAINT messages_source_url_check;
