-- NukeViet 3.4 news module tables, copied from nukeviet/nukeviet nukeviet/modules/news/action.php
-- at commit f2cd2d5343cc1cddc733769ea0cc289714cc58a7 (the PHP string concatenation replaced by {table}).
-- tests/nukeviet/make_dumps.py creates them in MariaDB with {table} = <prefix>_<lang>_<module>.

CREATE TABLE `{table}_cat` (
    `catid` mediumint(8) unsigned NOT NULL AUTO_INCREMENT,
    `parentid` mediumint(8) unsigned NOT NULL DEFAULT '0',
    `title` varchar(255) NOT NULL,
    `titlesite` varchar(255) NOT NULL,
    `alias` varchar(255) NOT NULL DEFAULT '',
    `description` varchar(255) NOT NULL,
    `image` varchar(255) NOT NULL DEFAULT '',
    `thumbnail` varchar(255) NOT NULL DEFAULT '',
    `weight` smallint(4) unsigned NOT NULL DEFAULT '0',
    `order` mediumint(8) NOT NULL DEFAULT '0',
    `lev` smallint(4) NOT NULL DEFAULT '0',
    `viewcat` varchar(50) NOT NULL DEFAULT 'viewcat_page_new',
    `numsubcat` int(11) NOT NULL DEFAULT '0',
    `subcatid` varchar(255) NOT NULL DEFAULT '',
    `inhome` tinyint(1) unsigned NOT NULL DEFAULT '0',
    `numlinks` tinyint(2) unsigned NOT NULL DEFAULT '3',
    `keywords` mediumtext NOT NULL,
    `admins` mediumtext NOT NULL,
    `add_time` int(11) unsigned NOT NULL DEFAULT '0',
    `edit_time` int(11) unsigned NOT NULL DEFAULT '0',
    `who_view` tinyint(2) unsigned NOT NULL DEFAULT '0',
    `groups_view` varchar(255) NOT NULL DEFAULT '',
    PRIMARY KEY (`catid`),
    UNIQUE KEY `alias` (`alias`),
    KEY `parentid` (`parentid`)
) ENGINE=MyISAM;

CREATE TABLE `{table}_sources` (
    `sourceid` mediumint(8) unsigned NOT NULL AUTO_INCREMENT,
    `title` varchar(255) NOT NULL DEFAULT '',
    `link` varchar(255) NOT NULL DEFAULT '',
    `logo` varchar(255) NOT NULL DEFAULT '',
    `weight` mediumint(8) unsigned NOT NULL DEFAULT '0',
    `add_time` int(11) unsigned NOT NULL,
    `edit_time` int(11) unsigned NOT NULL,
    PRIMARY KEY (`sourceid`),
    UNIQUE KEY `title` (`title`)
) ENGINE=MyISAM;

CREATE TABLE `{table}_topics` (
    `topicid` mediumint(8) unsigned NOT NULL AUTO_INCREMENT,
    `title` varchar(255) NOT NULL DEFAULT '',
    `alias` varchar(255) NOT NULL DEFAULT '',
    `image` varchar(255) NOT NULL,
    `thumbnail` varchar(255) NOT NULL,
    `description` varchar(255) NOT NULL,
    `weight` smallint(4) NOT NULL DEFAULT '0',
    `keywords` mediumtext NOT NULL,
    `add_time` int(11) NOT NULL DEFAULT '0',
    `edit_time` int(11) NOT NULL DEFAULT '0',
    PRIMARY KEY (`topicid`),
    UNIQUE KEY `title` (`title`),
    UNIQUE KEY `alias` (`alias`)
) ENGINE=MyISAM;

CREATE TABLE `{table}_block_cat` (
    `bid` mediumint(8) unsigned NOT NULL AUTO_INCREMENT,
    `adddefault` tinyint(4) NOT NULL DEFAULT '0',
    `number` mediumint(4) NOT NULL DEFAULT '10',
    `title` varchar(255) NOT NULL DEFAULT '',
    `alias` varchar(255) NOT NULL DEFAULT '',
    `image` varchar(255) NOT NULL,
    `thumbnail` varchar(255) NOT NULL,
    `description` varchar(255) NOT NULL,
    `weight` smallint(4) NOT NULL DEFAULT '0',
    `keywords` mediumtext NOT NULL,
    `add_time` int(11) NOT NULL DEFAULT '0',
    `edit_time` int(11) NOT NULL DEFAULT '0',
    PRIMARY KEY (`bid`),
    UNIQUE KEY `title` (`title`),
    UNIQUE KEY `alias` (`alias`)
) ENGINE=MyISAM;

CREATE TABLE `{table}_block` (
    `bid` int(11) unsigned NOT NULL,
    `id` int(11) unsigned NOT NULL,
    `weight` int(11) unsigned NOT NULL,
    UNIQUE KEY `bid` (`bid`,`id`)
) ENGINE=MyISAM;

CREATE TABLE `{table}_rows` (
    `id` int(11) unsigned NOT NULL auto_increment,
    `catid` mediumint(8) unsigned NOT NULL default '0',
    `listcatid` varchar(255) NOT NULL default '',
    `topicid` mediumint(8) unsigned NOT NULL default '0',
    `admin_id` mediumint(8) unsigned NOT NULL default '0',
    `author` varchar(255) NOT NULL default '',
    `sourceid` mediumint(8) NOT NULL default '0',
    `addtime` int(11) unsigned NOT NULL default '0',
    `edittime` int(11) unsigned NOT NULL default '0',
    `status` tinyint(4) NOT NULL default '1',
    `publtime` int(11) unsigned NOT NULL default '0',
    `exptime` int(11) unsigned NOT NULL default '0',
    `archive` tinyint(1) unsigned NOT NULL default '0',
    `title` varchar(255) NOT NULL default '',
    `alias` varchar(255) NOT NULL default '',
    `hometext` mediumtext NOT NULL,
    `homeimgfile` varchar(255) NOT NULL default '',
    `homeimgalt` varchar(255) NOT NULL default '',
    `homeimgthumb` varchar(255) NOT NULL default '',
    `inhome` tinyint(1) unsigned NOT NULL default '0',
    `allowed_comm` tinyint(1) unsigned NOT NULL default '0',
    `allowed_rating` tinyint(1) unsigned NOT NULL default '0',
    `hitstotal` mediumint(8) unsigned NOT NULL default '0',
    `hitscm` mediumint(8) unsigned NOT NULL default '0',
    `total_rating` int(11) NOT NULL default '0',
    `click_rating` int(11) NOT NULL default '0',
    `keywords` text NOT NULL,
    PRIMARY KEY (`id`),
    KEY `catid` (`catid`),
    KEY `topicid` (`topicid`),
    KEY `admin_id` (`admin_id`),
    KEY `author` (`author`),
    KEY `title` (`title`),
    KEY `addtime` (`addtime`),
    KEY `publtime` (`publtime`),
    KEY `exptime` (`exptime`),
    KEY `status` (`status`)
) ENGINE=MyISAM;

CREATE TABLE `{table}_bodytext` (
    `id` int(11) unsigned NOT NULL,
    `bodytext` mediumtext NOT NULL,
    PRIMARY KEY  (`id`)
) ENGINE=MyISAM;

CREATE TABLE `{table}_bodyhtml_1` (
    `id` int(11) unsigned NOT NULL,
    `bodyhtml` longtext NOT NULL,
    `sourcetext` varchar(255) NOT NULL default '',
    `imgposition` tinyint(1) NOT NULL default '1',
    `copyright` tinyint(1) NOT NULL default '0',
    `allowed_send` tinyint(1) NOT NULL default '0',
    `allowed_print` tinyint(1) NOT NULL default '0',
    `allowed_save` tinyint(1) NOT NULL default '0',    
    PRIMARY KEY  (`id`)
) ENGINE=MyISAM;
